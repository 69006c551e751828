"""Editors are warned in the admin when a publication has no summary."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from core.wagtail_hooks import content_warnings
from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

WARNING = "This publication has no summary."


def editor_html(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("summary", ["", "   "])
def test_a_publication_without_summary_warns(admin_client, publication_index, summary):
    page = PublicationPageFactory(parent=publication_index, summary=summary)

    assert editor_html(admin_client, page).count(escape(WARNING)) == 1


def test_a_publication_with_a_summary_does_not(admin_client, publication_index):
    page = PublicationPageFactory(parent=publication_index, summary="What the evaluation found.")

    assert escape(WARNING) not in editor_html(admin_client, page)


def test_other_page_types_are_not_asked_for_a_publications_summary(publication_index):
    # The index is not a publication, whatever its summary.
    publication_index.summary = ""

    assert content_warnings(publication_index) == []
