"""Who may do what after the seed: the Editors and Moderators groups and the moderation workflow."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

from core.models import HomePage
from tests.devdata.seeding import load_seed


def page_rights(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_groups_write_under_the_home_page_and_only_moderators_publish():
    out = load_seed()
    home, root = HomePage.objects.get(), Page.get_first_root_node()
    assert "Groups: 0 created, 2 updated, 0 kept." in out  # Wagtail's own groups, given rights
    assert page_rights("Editors", home) == {"add_page", "change_page"}
    assert page_rights("Moderators", home) == {
        "add_page", "change_page", "lock_page", "publish_page", "unlock_page"
    }  # fmt: skip
    # Rights on the tree's root would reach pages outside the site.
    assert page_rights("Editors", root) == page_rights("Moderators", root) == set()
    for name in ("Editors", "Moderators"):
        group = Group.objects.get(name=name)
        media = set(group.collection_permissions.values_list("permission__codename", flat=True))
        assert {"add_document", "change_document", "choose_image", "add_image"} <= media
        model_rights = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "add_person", "change_person", "add_partner"} <= model_rights


@pytest.mark.django_db
def test_the_moderation_workflow_is_on_the_home_page():
    out = load_seed()
    assert "Workflows: 1 created, 0 kept." in out
    home = HomePage.objects.get()
    workflow = Workflow.objects.get(name="Moderation")
    assert WorkflowPage.objects.get(page=home).workflow == workflow
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert [type(task) for task in tasks] == [GroupApprovalTask]
    assert [group.name for group in tasks[0].groups.all()] == ["Moderators"]
    # Every page of the site falls under it.
    why = Page.objects.get(slug="why-systems-leadership")
    assert why.get_workflow() == workflow


@pytest.mark.django_db
def test_groups_and_workflow_are_recreated_if_deleted_and_choices_kept():
    load_seed()
    Group.objects.filter(name="Editors").delete()
    home = HomePage.objects.get()
    other = Workflow.objects.create(name="Two reviewers")
    WorkflowPage.objects.filter(page=home).update(workflow=other)
    moderators = Group.objects.get(name="Moderators")
    GroupPagePermission.objects.create(
        group=moderators, page=home, permission=Permission.objects.get(codename="bulk_delete_page")
    )

    out = load_seed()

    assert "Groups: 1 created, 1 kept." in out
    assert page_rights("Editors", home) == {"add_page", "change_page"}
    assert WorkflowPage.objects.get(page=home).workflow == other
    assert "bulk_delete_page" in page_rights("Moderators", home)
