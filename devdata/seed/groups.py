"""The Editors and Moderators groups, and the "Moderation" workflow in which moderators approve.

Editors write: they create and edit pages under the home page and submit them for moderation,
and use images, documents and the people and partners snippets; they cannot publish. Moderators
do all that, publish, and approve or reject what editors submit.

Wagtail's first migration makes both groups with rights on the root of the page tree, which
reaches pages outside any site; the seed moves those rights to the home page. Rights an
administrator added beyond these are kept.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from devdata.seed.report import CREATED, KEPT, UPDATED

EDITORS, MODERATORS = "Editors", "Moderators"
WORKFLOW = "Moderation"
APPROVAL_TASK = "Moderators approval"

# On the home page and every page under it.
PAGE_RIGHTS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
}
# On the root collection, so on every image and document.
MEDIA_RIGHTS = [
    "add_document",
    "change_document",
    "choose_document",
    "add_image",
    "change_image",
    "choose_image",
]
SNIPPETS = ["people.person", "people.partner"]
SNIPPET_ACTIONS = {
    EDITORS: ["add", "change", "view"],
    MODERATORS: ["add", "change", "delete", "view"],
}


def seed_groups_and_workflow(report, home):
    """The two groups with their rights, and the workflow on the home page."""
    groups = {name: ensure_group(report, name, home) for name in (EDITORS, MODERATORS)}
    ensure_workflow(report, home, groups[MODERATORS])


def ensure_group(report, name, home):
    group, created = Group.objects.get_or_create(name=name)
    changed = _grant_model_rights(group)
    changed |= _move_page_rights_to(group, home)
    changed |= _grant_media_rights(group)
    report.add(CREATED if created else UPDATED if changed else KEPT, "group", name)
    return group


def _permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_model_rights(group):
    labels = ["wagtailadmin.access_admin"]
    for snippet in SNIPPETS:
        app_label, model_name = snippet.split(".")
        labels += [f"{app_label}.{action}_{model_name}" for action in SNIPPET_ACTIONS[group.name]]
    wanted = {_permission(label) for label in labels}
    missing = wanted - set(group.permissions.all())
    group.permissions.add(*missing)
    return bool(missing)


def _move_page_rights_to(group, home):
    codenames = PAGE_RIGHTS[group.name]
    changed = False
    deleted, _ = GroupPagePermission.objects.filter(
        group=group, page=Page.get_first_root_node(), permission__codename__in=codenames
    ).delete()
    changed |= bool(deleted)
    for codename in codenames:
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=_permission(f"wagtailcore.{codename}")
        )
        changed |= created
    return changed


def _grant_media_rights(group):
    root = Collection.get_first_root_node()
    changed = False
    for codename in MEDIA_RIGHTS:
        app_label = "wagtaildocs" if codename.endswith("document") else "wagtailimages"
        _, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(f"{app_label}.{codename}")
        )
        changed |= created
    return changed


def ensure_workflow(report, home, moderators):
    """ "Moderation" on the home page: one step, approval by a moderator."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW)
    changed = False
    if not workflow.workflow_tasks.exists():
        # Wagtail's own approval task for the Moderators group serves, where it still exists.
        task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
        if not task.groups.filter(pk=moderators.pk).exists():
            task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changed = True
    if not WorkflowPage.objects.filter(page=home).exists():
        # A workflow an administrator gave the home page stands.
        WorkflowPage.objects.create(page=home, workflow=workflow)
        changed = True
    report.add(CREATED if created else UPDATED if changed else KEPT, "workflow", WORKFLOW)
    return workflow
