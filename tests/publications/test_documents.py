"""The file behind a publication is served only when its page may be seen and no embargo holds."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from core.factories import PDF_BYTES, DocumentFactory, StandardPageFactory
from interviews.factories import InterviewPageFactory
from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def local_noon(day):
    """Noon on the site's clock (Europe/London), well away from either midnight."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=zone)


def download(client, document):
    return client.get(document.url)


def body_of(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def visitor_user(django_user_model):
    """A logged-in user with no rights on documents (for example a member of the public)."""
    return django_user_model.objects.create_user(username="reader", password="x")


def test_document_url_is_the_serve_view(publication_index):
    document = DocumentFactory()
    assert document.url == f"/documents/{document.pk}/{document.filename}"


def test_a_released_publication_document_is_served_to_visitors(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index)

    response = download(client, publication.document)

    assert response.status_code == 200
    assert body_of(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"


def test_an_indefinite_embargo_hides_the_file_from_visitors(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)

    assert download(client, publication.document).status_code == 404


def test_logged_in_people_without_document_rights_do_not_get_it(
    client, publication_index, visitor_user
):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    client.force_login(visitor_user)

    assert download(client, publication.document).status_code == 404


def test_editors_can_download_an_embargoed_file(client, publication_index, editor):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    client.force_login(editor)

    response = download(client, publication.document)

    assert response.status_code == 200
    assert body_of(response) == PDF_BYTES


def test_a_user_given_change_document_directly_can_download(
    client, publication_index, visitor_user
):
    from django.contrib.auth.models import Permission

    visitor_user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtaildocs", codename="change_document")
    )
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    client.force_login(visitor_user)

    assert download(client, publication.document).status_code == 200


def test_superusers_can_download_an_embargoed_file(client, publication_index, admin_user):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    client.force_login(admin_user)

    assert download(client, publication.document).status_code == 200


def test_the_editors_group_has_document_rights():
    # The test above relies on Wagtail's default Editors group keeping its document rights.
    editors = Group.objects.get(name="Editors")
    assert editors.collection_permissions.filter(permission__codename="change_document").exists()


def test_a_dated_embargo_lifts_on_its_end_day(client, publication_index):
    end = datetime.date(2031, 3, 1)
    publication = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=end)
    document = publication.document

    with time_machine.travel(local_noon(end - datetime.timedelta(days=1)), tick=False):
        assert download(client, document).status_code == 404
    with time_machine.travel(local_noon(end), tick=False):
        assert download(client, document).status_code == 200
    with time_machine.travel(local_noon(end + datetime.timedelta(days=400)), tick=False):
        assert download(client, document).status_code == 200


def test_a_past_embargo_end_means_released(client, publication_index):
    publication = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=datetime.date(2019, 1, 1)
    )

    assert download(client, publication.document).status_code == 200


def test_an_embargo_holds_even_where_another_page_links_to_the_file(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    StandardPageFactory(body=[{"type": "document", "value": {"document": publication.document.pk}}])

    assert download(client, publication.document).status_code == 404


def test_an_embargo_on_an_unpublished_publication_still_holds_for_a_shared_file(
    client, publication_index
):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True, live=False)
    PublicationPageFactory(parent=publication_index, document=publication.document)

    assert download(client, publication.document).status_code == 404


def test_the_file_of_an_unpublished_publication_is_not_served(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index, live=False)
    document = publication.document

    assert download(client, document).status_code == 404

    publication.save_revision().publish()
    assert download(client, document).status_code == 200


def test_unpublishing_the_page_withdraws_its_file(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index)
    document = publication.document
    assert download(client, document).status_code == 200

    publication.unpublish()

    assert download(client, document).status_code == 404


def test_the_file_of_a_private_page_needs_the_page_restriction(
    client, publication_index, visitor_user
):
    publication = PublicationPageFactory(parent=publication_index)
    PageViewRestriction.objects.create(page=publication, restriction_type=PageViewRestriction.LOGIN)

    assert download(client, publication.document).status_code == 404

    client.force_login(visitor_user)
    assert download(client, publication.document).status_code == 200


def test_a_restriction_on_an_ancestor_covers_the_file(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index)
    PageViewRestriction.objects.create(
        page=publication_index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    assert download(client, publication.document).status_code == 404


def test_a_file_linked_only_from_an_unpublished_page_body_is_not_served(client, home):
    document = DocumentFactory()
    page = StandardPageFactory(
        live=False, body=[{"type": "document", "value": {"document": document.pk}}]
    )

    assert download(client, document).status_code == 404

    page.save_revision().publish()
    assert download(client, document).status_code == 200


def test_one_live_public_page_is_enough(client, publication_index):
    document = DocumentFactory()
    PublicationPageFactory(parent=publication_index, document=document, live=False)
    PublicationPageFactory(parent=publication_index, document=document)

    assert download(client, document).status_code == 200


def test_an_unpublished_interview_video_file_is_not_served(client, interview_index):
    video = DocumentFactory()
    InterviewPageFactory(parent=interview_index, video_file=video, live=False)

    assert download(client, video).status_code == 404


def test_a_new_upload_used_by_no_page_is_private_until_a_page_using_it_is_published(
    client, home, editor
):
    document = DocumentFactory()

    assert download(client, document).status_code == 404
    client.force_login(editor)
    assert download(client, document).status_code == 200


def test_a_wrong_file_name_is_a_404(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index)
    document = publication.document

    response = client.get(f"/documents/{document.pk}/not-{document.filename}")

    assert response.status_code == 404


def test_an_unknown_document_is_a_404(client, home):
    assert client.get("/documents/999999/missing.pdf").status_code == 404
