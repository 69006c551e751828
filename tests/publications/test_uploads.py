"""Only the file types the site offers may be uploaded as documents: no pages or scripts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def upload(client, name, data=b"content"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize("name", ["report.html", "image.svg", "run.exe", "page.htm", "x.js"])
def test_a_file_type_that_could_run_in_the_browser_is_refused(admin_client, name):
    response = upload(admin_client, name)

    assert response.status_code == 200  # the form again, with its error
    errors = response.context["form"].errors["file"]
    assert any("extension" in error for error in errors), errors
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("name", ["report.pdf", "captions.vtt", "interview.mp4", "data.csv"])
def test_the_documents_the_site_offers_are_accepted(admin_client, name):
    response = upload(admin_client, name, b"WEBVTT\n" if name.endswith(".vtt") else b"%PDF-1.4")

    assert response.status_code == 302
    # Storage may add a suffix to the name when an earlier test left a file of that name.
    document = get_document_model().objects.get()
    assert (document.title, document.file_extension) == (name, name.rsplit(".", 1)[1])
