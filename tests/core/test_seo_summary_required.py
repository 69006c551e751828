"""A page needs a summary, its meta description, to be published; a draft does not."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.forms import SUMMARY_REQUIRED
from devdata.seed.loader import load_seed
from focus_areas.factories import FocusAreaPageFactory
from focus_areas.models import FocusAreaPage

pytestmark = pytest.mark.django_db


def form(summary, action=None, slug="systems-thinking"):
    data = nested_form_data(
        {
            "title": "Systems thinking",
            "slug": slug,
            "summary": summary,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[f"action-{action}"] = "action"
    return data


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("focus_areas", "focusareapage", parent.pk))


def test_publishing_without_a_summary_is_refused_with_a_clear_message(
    admin_client, focus_area_index
):
    response = admin_client.post(add_url(focus_area_index), form("", action="publish"))

    assert response.status_code == 200
    assert response.context["form"].errors["summary"] == [SUMMARY_REQUIRED]
    assert not FocusAreaPage.objects.filter(slug="systems-thinking").exists()


def test_a_draft_can_be_saved_without_a_summary(admin_client, focus_area_index):
    response = admin_client.post(add_url(focus_area_index), form(""))

    assert response.status_code == 302
    page = FocusAreaPage.objects.get(slug="systems-thinking")
    assert not page.live
    assert page.summary == ""


def test_publishing_with_a_summary_puts_the_page_live(admin_client, focus_area_index):
    response = admin_client.post(
        add_url(focus_area_index), form("How parts of a system interact.", action="publish")
    )

    assert response.status_code == 302
    page = FocusAreaPage.objects.get(slug="systems-thinking")
    assert page.live and page.summary == "How parts of a system interact."


def test_emptying_the_summary_of_a_live_page_cannot_be_published(admin_client, focus_area_index):
    page = FocusAreaPageFactory(
        parent=focus_area_index, slug="systems-thinking", summary="The first one."
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    refused = admin_client.post(edit_url, form("", action="publish"))
    drafted = admin_client.post(edit_url, form(""))

    assert refused.status_code == 200
    assert "summary" in refused.context["form"].errors
    assert drafted.status_code == 302
    page.refresh_from_db()
    assert page.live and page.summary == "The first one."
    assert page.has_unpublished_changes


def test_every_page_the_seed_publishes_has_a_description(db):
    load_seed()

    pages = [page.specific for page in Page.objects.live().filter(depth__gt=1)]

    assert pages
    for page in pages:
        description = page.search_description or getattr(page, "summary", "")
        assert description.strip(), page.url_path
