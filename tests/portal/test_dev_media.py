"""In development the site serves uploaded images from MEDIA_ROOT, and never the documents."""

import importlib

import pytest
from django.urls import clear_url_caches

import portal.urls
from core.factories import DocumentFactory, ImageFactory
from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def development_urls(settings):
    """The site's addresses as `make run` (DEBUG on) builds them."""
    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


def test_uploaded_images_and_their_renditions_are_served(client, home, development_urls):
    image = ImageFactory()
    rendition = image.get_rendition("width-100")

    original = client.get(f"/media/{image.file.name}")
    resized = client.get(f"/media/{rendition.file.name}")

    assert image.file.name.startswith("original_images/")
    assert original.status_code == 200
    assert b"".join(original.streaming_content) == image.file.open("rb").read()
    assert rendition.file.name.startswith("images/")
    assert resized.status_code == 200


def test_documents_are_never_served_from_media_even_when_released(
    client, publication_index, development_urls
):
    released = PublicationPageFactory(parent=publication_index).document
    embargoed = PublicationPageFactory(parent=publication_index, embargoed=True).document
    unused = DocumentFactory()

    for document in (released, embargoed, unused):
        assert document.file.name.startswith("documents/")
        assert client.get(f"/media/{document.file.name}").status_code == 404
        # Django refuses a path that climbs out of the images folder as a bad request.
        assert client.get(f"/media/images/../{document.file.name}").status_code == 400
    assert client.get(released.url).status_code == 200
    assert client.get(embargoed.url).status_code == 404


def test_without_debug_no_media_is_served(client, home):
    image = ImageFactory()

    assert client.get(f"/media/{image.file.name}").status_code == 404
