"""Editors are warned in the Checks panel while a viewpoint names no author, and only then."""

import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from people.factories import PersonFactory
from viewpoints.factories import ViewpointPageFactory
from viewpoints.models import ViewpointPage
from viewpoints.wagtail_hooks import NO_AUTHOR

from ..core.checks_panel import editor_warnings, panel_warnings

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def viewpoint_form(author=None, **actions):
    data = nested_form_data(
        {
            "title": "Why systems leadership is contested",
            "slug": "why-contested",
            "summary": "Clarity is needed about what systems leadership means.",
            "search_description": "Clarity is needed about what systems leadership means.",
            "author": author.pk if author else "",
            "date": datetime.date(2024, 5, 1).isoformat(),
            "body": streamfield([("paragraph", rich_text("<p>Leaders disagree.</p>"))]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    data.update({f"action-{action}": "action" for action in actions})
    return data


def create_url(index):
    return reverse("wagtailadmin_pages:add", args=("viewpoints", "viewpointpage", index.pk))


def test_opening_a_viewpoint_without_author_warns(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None)

    assert editor_warnings(admin_client, page) == [NO_AUTHOR]


def test_a_viewpoint_with_an_author_has_no_warning(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=PersonFactory())

    assert editor_warnings(admin_client, page) == []


def test_saving_a_draft_shows_the_warning_in_the_panel_not_as_a_message(
    admin_client, viewpoint_index
):
    response = admin_client.post(create_url(viewpoint_index), viewpoint_form(), follow=True)

    page = ViewpointPage.objects.get(slug="why-contested")
    assert response.redirect_chain[-1][0] == edit_url(page)
    assert panel_warnings(response.content.decode()) == [NO_AUTHOR]
    assert NO_AUTHOR not in [m.message for m in response.context["messages"]]


def test_publishing_without_author_is_allowed_and_queues_no_warning(admin_client, viewpoint_index):
    response = admin_client.post(
        create_url(viewpoint_index), viewpoint_form(publish=True), follow=True
    )

    page = ViewpointPage.objects.get(slug="why-contested")
    assert page.live  # a warning, not a refusal
    assert NO_AUTHOR not in [m.message for m in response.context["messages"]]
    assert editor_warnings(admin_client, page) == [NO_AUTHOR]


def test_choosing_an_author_clears_the_warning(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None, slug="why-contested")
    author = PersonFactory()

    response = admin_client.post(edit_url(page), viewpoint_form(author=author), follow=True)

    assert response.status_code == 200
    assert ViewpointPage.objects.get(pk=page.pk).get_latest_revision_as_object().author == author
    assert panel_warnings(response.content.decode()) == []
    assert NO_AUTHOR not in [m.message for m in response.context["messages"]]


def test_an_author_chosen_and_autosaved_is_not_reported_missing(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None, slug="why-contested")
    assert editor_warnings(admin_client, page) == [NO_AUTHOR]

    response = admin_client.post(
        edit_url(page),
        viewpoint_form(author=PersonFactory()),
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    # The next view of the editor judges the autosaved draft, and nothing stale was queued.
    assert editor_warnings(admin_client, page) == []


def test_autosaving_without_author_queues_no_message(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None, slug="why-contested")

    response = admin_client.post(
        edit_url(page), viewpoint_form(), headers={"Accept": "application/json"}
    )

    assert response.status_code == 200
    assert editor_warnings(admin_client, page) == [NO_AUTHOR]


def test_an_autosave_redraws_the_checks_panel_for_what_it_saved(admin_client, viewpoint_index):
    # The panel beside the form is replaced by the one in the autosave's answer (Wagtail moves
    # each side panel's new HTML into place), so it follows the editor without a reload.
    page = ViewpointPageFactory(
        parent=viewpoint_index, author=PersonFactory(), slug="why-contested"
    )

    removed = admin_client.post(
        edit_url(page), viewpoint_form(), headers={"Accept": "application/json"}
    )
    assert panel_warnings(removed.json()["html"]) == [NO_AUTHOR]

    chosen = admin_client.post(
        edit_url(page),
        viewpoint_form(author=PersonFactory()),
        headers={"Accept": "application/json"},
    )
    assert panel_warnings(chosen.json()["html"]) == []
