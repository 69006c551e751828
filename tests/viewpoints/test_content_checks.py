"""Editors are warned in the admin when a viewpoint names no author: on opening and on saving."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from people.factories import PersonFactory
from viewpoints.factories import ViewpointPageFactory
from viewpoints.models import ViewpointPage
from viewpoints.wagtail_hooks import NO_AUTHOR

pytestmark = pytest.mark.django_db

WARNING = escape(NO_AUTHOR)


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

    html = admin_client.get(edit_url(page)).content.decode()

    assert html.count(WARNING) == 1


def test_a_viewpoint_with_an_author_has_no_warning(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=PersonFactory())

    assert WARNING not in admin_client.get(edit_url(page)).content.decode()


def test_saving_a_draft_warns_once_in_the_editor(admin_client, viewpoint_index):
    response = admin_client.post(create_url(viewpoint_index), viewpoint_form(), follow=True)

    page = ViewpointPage.objects.get(slug="why-contested")
    assert response.redirect_chain[-1][0] == edit_url(page)
    assert response.content.decode().count(WARNING) == 1


def test_publishing_warns_where_the_editor_lands(admin_client, viewpoint_index):
    response = admin_client.post(
        create_url(viewpoint_index), viewpoint_form(publish=True), follow=True
    )

    page = ViewpointPage.objects.get(slug="why-contested")
    assert page.live  # a warning, not a refusal
    assert "/admin/pages/" in response.redirect_chain[-1][0]
    assert response.content.decode().count(WARNING) == 1


def test_choosing_an_author_clears_the_warning(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None, slug="why-contested")
    author = PersonFactory()

    response = admin_client.post(edit_url(page), viewpoint_form(author=author), follow=True)

    assert response.status_code == 200
    assert ViewpointPage.objects.get(pk=page.pk).get_latest_revision_as_object().author == author
    assert WARNING not in response.content.decode()


def test_autosave_queues_no_warning(admin_client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None, slug="why-contested")

    response = admin_client.post(
        edit_url(page), viewpoint_form(), headers={"Accept": "application/json"}
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    # The next page the editor opens shows the warning once: nothing was left waiting.
    assert admin_client.get(edit_url(page)).content.decode().count(WARNING) == 1
