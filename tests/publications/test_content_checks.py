"""Editors are warned in the Checks panel when a publication has no summary."""

import pytest

from core.content_checks import content_warnings
from publications.factories import PublicationPageFactory

from ..core.checks_panel import editor_warnings

pytestmark = pytest.mark.django_db

WARNING = "This publication has no summary."


@pytest.mark.parametrize("summary", ["", "   "])
def test_a_publication_without_summary_warns(admin_client, publication_index, summary):
    page = PublicationPageFactory(parent=publication_index, summary=summary)

    assert [w[: len(WARNING)] for w in editor_warnings(admin_client, page)] == [WARNING]


def test_a_publication_with_a_summary_does_not(admin_client, publication_index):
    page = PublicationPageFactory(parent=publication_index, summary="What the evaluation found.")

    assert editor_warnings(admin_client, page) == []


def test_other_page_types_are_not_asked_for_a_publications_summary(publication_index):
    # The index is not a publication, whatever its summary.
    publication_index.summary = ""

    assert content_warnings(publication_index) == []
