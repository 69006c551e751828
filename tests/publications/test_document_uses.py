"""Which pages use a file is written with the page, so its privacy never waits for a worker."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from core.factories import DocumentFactory, StandardPageFactory
from publications.documents import documents_linked_by
from publications.factories import PublicationPageFactory
from publications.models import DocumentUse
from tests.publications.test_documents import local_noon

pytestmark = pytest.mark.django_db

DOCUMENTS = "/api/v2/documents/"


@pytest.fixture
def no_worker(settings):
    """Production's task queue with no worker running: queued tasks wait in the database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def listed(client):
    response = client.get(DOCUMENTS, {"limit": 20})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def document_block(document):
    return {"type": "document", "value": {"document": document.pk}}


def rich_text_link(document):
    html = f'<p>Read <a linktype="document" id="{document.pk}">the report</a>.</p>'
    return {"type": "paragraph", "value": html}


def reads_reference_index(queries):
    return any(ReferenceIndex._meta.db_table in query["sql"] for query in queries)


# ---------------------------------------------------------------------------
# Published with no worker run


def test_a_page_published_with_a_password_hides_its_file_before_any_worker_runs(
    client, publication_index, no_worker
):
    publication = PublicationPageFactory(parent=publication_index, live=False)
    document = publication.document
    PageViewRestriction.objects.create(
        page=publication, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    publication.save_revision().publish()

    # The reference index update is still queued: nothing has written it.
    assert DBTaskResult.objects.filter(status="READY").exists()
    assert not ReferenceIndex.objects.filter(object_id=str(publication.pk)).exists()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(document.url).status_code == 404
        assert document.pk not in listed(client)
    assert not reads_reference_index(queries.captured_queries)


def test_a_published_file_is_served_at_once_with_no_worker(client, publication_index, no_worker):
    publication = PublicationPageFactory(parent=publication_index, live=False)
    assert client.get(publication.document.url).status_code == 404

    publication.save_revision().publish()

    assert not ReferenceIndex.objects.filter(object_id=str(publication.pk)).exists()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(publication.document.url).status_code == 200
        assert publication.document.pk in listed(client)
    assert not reads_reference_index(queries.captured_queries)


def test_a_file_removed_from_a_page_is_withdrawn_at_the_publish(client, home, no_worker):
    document = DocumentFactory()
    page = StandardPageFactory(parent=home, body=[document_block(document)])
    assert client.get(document.url).status_code == 200

    page.body = []
    page.save_revision().publish()

    assert client.get(document.url).status_code == 404
    assert document.pk not in listed(client)


# ---------------------------------------------------------------------------
# What counts as a use


def test_a_field_a_block_and_a_rich_text_link_are_all_uses(publication_index):
    field, block, link = DocumentFactory(), DocumentFactory(), DocumentFactory()
    publication = PublicationPageFactory(
        parent=publication_index, document=field, body=[document_block(block), rich_text_link(link)]
    )

    assert documents_linked_by(publication) == {field.pk, block.pk, link.pk}
    assert set(DocumentUse.objects.filter(page=publication).values_list("document", flat=True)) == {
        field.pk,
        block.pk,
        link.pk,
    }


def test_a_draft_link_counts_only_once_published(client, home):
    document = DocumentFactory()
    page = StandardPageFactory(parent=home, body=[])

    page.body = [rich_text_link(document)]
    revision = page.save_revision()
    assert not DocumentUse.objects.filter(page=page).exists()
    assert client.get(document.url).status_code == 404

    revision.publish()
    assert client.get(document.url).status_code == 200


def test_a_save_of_some_fields_records_only_what_was_written(publication_index):
    publication = PublicationPageFactory(parent=publication_index)
    first, in_body, unsaved = publication.document, DocumentFactory(), DocumentFactory()

    publication.document = unsaved
    publication.body = [document_block(in_body)]
    publication.save(update_fields=["body"])

    uses = DocumentUse.objects.filter(page=publication).values_list("document", flat=True)
    assert set(uses) == {first.pk, in_body.pk}


def test_a_link_to_a_deleted_document_is_no_use(home):
    document = DocumentFactory()
    gone = document.pk
    document.delete()

    page = StandardPageFactory(
        parent=home, body=[{"type": "document", "value": {"document": gone}}]
    )

    assert not DocumentUse.objects.filter(page=page).exists()


def test_uses_go_with_a_deleted_page_or_document(client, home):
    document, other = DocumentFactory(), DocumentFactory()
    page = StandardPageFactory(parent=home, body=[document_block(document), document_block(other)])
    other.delete()
    assert list(DocumentUse.objects.filter(page=page).values_list("document", flat=True)) == [
        document.pk
    ]

    Page.objects.get(pk=page.pk).delete()

    assert not DocumentUse.objects.exists()
    assert client.get(document.url).status_code == 404


def test_a_restriction_added_or_removed_without_a_publish_applies_at_once(client, home):
    document = DocumentFactory()
    page = StandardPageFactory(parent=home, body=[document_block(document)])
    assert client.get(document.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(document.url).status_code == 404
    assert document.pk not in listed(client)

    restriction.delete()
    assert client.get(document.url).status_code == 200
    assert page.live


def test_the_migration_starts_from_the_reference_index(home):
    migration = __import__(
        "publications.migrations.0005_document_uses_and_public_collections",
        fromlist=["uses_from_the_reference_index"],
    )
    document = DocumentFactory()
    page = StandardPageFactory(parent=home, body=[document_block(document)])
    ReferenceIndex.create_or_update_for_object(page)
    DocumentUse.objects.all().delete()

    migration.uses_from_the_reference_index(apps, None)

    assert list(DocumentUse.objects.values_list("page", "document")) == [(page.pk, document.pk)]


# ---------------------------------------------------------------------------
# Embargoes cover every file the publication links


@pytest.mark.parametrize("link", [document_block, rich_text_link])
def test_a_file_in_an_embargoed_publications_body_is_held_until_the_end_day(
    client, publication_index, link
):
    end = datetime.date(2032, 5, 1)
    in_body = DocumentFactory()
    publication = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=end, body=[link(in_body)]
    )

    with time_machine.travel(local_noon(end - datetime.timedelta(days=1)), tick=False):
        assert client.get(in_body.url).status_code == 404
        assert client.get(publication.document.url).status_code == 404
        assert in_body.pk not in listed(client)
    with time_machine.travel(local_noon(end), tick=False):
        assert client.get(in_body.url).status_code == 200
        assert in_body.pk in listed(client)


def test_a_body_file_of_an_embargoed_publication_is_held_where_another_page_links_it(
    client, home, publication_index
):
    in_body = DocumentFactory()
    PublicationPageFactory(parent=publication_index, embargoed=True, body=[document_block(in_body)])
    StandardPageFactory(parent=home, body=[document_block(in_body)])

    assert client.get(in_body.url).status_code == 404
    assert in_body.pk not in listed(client)


def test_editors_still_get_a_body_file_under_embargo(client, publication_index, editor):
    in_body = DocumentFactory()
    PublicationPageFactory(parent=publication_index, embargoed=True, body=[document_block(in_body)])
    client.force_login(editor)

    assert client.get(in_body.url).status_code == 200


# ---------------------------------------------------------------------------
# Queries: a fixed number, however many pages and files


# Transaction bookkeeping (ATOMIC_REQUESTS is on for PostgreSQL only), not work the view does.
BOOKKEEPING = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def counted(queries):
    return sum(
        1 for query in queries.captured_queries if not query["sql"].lstrip().startswith(BOOKKEEPING)
    )


def serve_queries(client, document):
    # The error page's menu, cached by an earlier 404, is rebuilt each time; so is the site with
    # its home page (core/routing.py), which a page view after this one reads from the cache.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(document.url)
    return response.status_code, counted(queries)


def listing_queries(client):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        ids = listed(client)
    return ids, counted(queries)


def test_serving_and_listing_cost_the_same_with_many_pages_and_files(client, publication_index):
    shared = DocumentFactory()
    hidden = DocumentFactory()
    PublicationPageFactory(parent=publication_index, body=[document_block(shared)])
    PublicationPageFactory(parent=publication_index, live=False, body=[document_block(hidden)])
    # A first visit makes the site's menu and settings rows, which later visits only read.
    client.get(hidden.url)
    few = (serve_queries(client, shared), serve_queries(client, hidden), listing_queries(client))

    for _ in range(6):
        PublicationPageFactory(parent=publication_index, body=[document_block(shared)])
        PublicationPageFactory(parent=publication_index, live=False, body=[document_block(hidden)])
        PublicationPageFactory(parent=publication_index, embargoed=True)
    many = (serve_queries(client, shared), serve_queries(client, hidden), listing_queries(client))

    assert few[0] == many[0] == (200, 13)
    assert few[1] == many[1] == (404, 10)
    assert len(few[2][0]) == 2 and len(many[2][0]) == 8
    assert few[2][1] == many[2][1] == 11
