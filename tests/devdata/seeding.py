"""Running the seed command in a test: what it printed, and what it left in the database."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
    WorkflowPage,
)

from core.models import MainMenu
from people.models import Partner, Person


def load_seed(**options):
    out = StringIO()
    call_command("load_seed_content", stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "partners": Partner.objects.count(),
        "sites": list(Site.objects.values_list("pk", "root_page_id", "site_name")),
        "menu": list(MainMenu.objects.values_list("pk", "items__page_id", "items__label")),
        "group rights": sorted(
            GroupPagePermission.objects.values_list("group", "page", "permission__codename")
        ),
        "media rights": GroupCollectionPermission.objects.count(),
        "model rights": sorted(Group.permissions.through.objects.values_list("pk", flat=True)),
        "workflows": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }
