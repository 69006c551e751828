"""Body limits: an oversized post or a file part never reaches the form, and says why."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField

from contact.models import ContactSubmission

from .conftest import form_token, valid_answers

pytestmark = pytest.mark.django_db

TOO_LARGE = "Your message was too large for us to receive, so nothing was sent."


def csrf_client(page):
    """A visitor's browser as production sees it: the CSRF check on, the form opened."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = form_token(client, page)
    return client, {"form_token": token, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def test_a_ten_megabyte_body_gets_the_forms_413_before_the_csrf_check_reads_it(enquiry_page):
    client, hidden = csrf_client(enquiry_page)

    response = client.post(enquiry_page.url, {**valid_answers(message="x" * 10_000_000), **hidden})

    assert response.status_code == 413
    html = response.content.decode()
    assert TOO_LARGE in html
    assert "data-error-summary" in html
    assert "no-store" in response["Cache-Control"]
    assert ContactSubmission.objects.count() == 0


def test_a_300_megabyte_multipart_body_is_refused_without_reading_it(enquiry_page):
    """The declared length alone refuses it: the body here is far shorter than it claims, and
    reading past its end would fail the request, so a 413 proves nothing read it."""
    client, hidden = csrf_client(enquiry_page)
    boundary = "boundary"
    body = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="upload"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + b"x" * 1000

    response = client.generic(
        "POST",
        enquiry_page.url,
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
        CONTENT_LENGTH=str(300 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert TOO_LARGE in response.content.decode()
    assert ContactSubmission.objects.count() == 0


def test_a_post_just_under_the_limit_is_read_as_usual(enquiry_page, settings):
    client, hidden = csrf_client(enquiry_page)
    answers = {**valid_answers(), **hidden}
    settings.CONTACT_MAX_BODY_BYTES = 2000

    accepted = client.post(enquiry_page.url, answers)
    refused = client.post(enquiry_page.url, {**answers, "message": "y" * 2000})

    assert accepted.status_code == 200
    assert refused.status_code == 413
    assert ContactSubmission.objects.count() == 1


def test_a_small_file_part_is_refused_and_the_typed_answers_kept(enquiry_page):
    client, hidden = csrf_client(enquiry_page)
    upload = SimpleUploadedFile("cv.pdf", b"%PDF-1.4 small", content_type="application/pdf")

    response = client.post(
        enquiry_page.url, {**valid_answers(message="Please see my CV."), **hidden, "cv": upload}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "This form does not take attachments, so nothing was sent." in html
    assert "Please see my CV.</textarea>" in html
    assert ContactSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("length", "status"),
    [("not-a-number", 403), ("", 403), ("-5", 400)],
    ids=["not-a-number", "empty", "negative"],
)
def test_a_nonsense_content_length_is_no_error(enquiry_page, length, status):
    """Django reads no body for a length it cannot use (so no CSRF token: 403), or refuses it."""
    client, hidden = csrf_client(enquiry_page)

    response = client.post(enquiry_page.url, {**valid_answers(), **hidden}, CONTENT_LENGTH=length)

    assert response.status_code == status
    assert ContactSubmission.objects.count() == 0


def test_a_large_post_elsewhere_is_left_to_the_site_wide_limits(client, home):
    assert client.post("/", {"q": "x" * 300_000}).status_code == 200


def test_every_upload_field_has_a_limit_below_the_front_doors(settings):
    """The admin's forms, not nginx, refuse an oversized upload, so the editor is told why."""
    nginx_limit = 512 * 1024 * 1024  # deploy/stack.py's CLIENT_MAX_BODY_SIZE
    limits = [WagtailDocumentField().max_upload_size, WagtailImageField().max_upload_size]
    assert all(limit is not None and 0 < limit < nginx_limit for limit in limits), limits
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
