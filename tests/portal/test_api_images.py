"""The images API lists the image library, leaving out private collections."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from core.factories import ImageFactory

pytestmark = pytest.mark.django_db

IMAGES = "/api/v2/images/"


def test_lists_images_outside_private_collections(client, listed, home, editor):
    shown = ImageFactory()
    private = Collection.get_first_root_node().add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    ImageFactory(collection=private)

    assert listed(IMAGES) == {shown.pk}
    client.force_login(editor)
    assert listed(IMAGES) == {shown.pk}


def test_image_detail_gives_its_size(api, home):
    image = ImageFactory()

    status, data = api(f"{IMAGES}{image.pk}/")

    assert status == 200
    assert (data["width"], data["height"]) == (320, 180)
    assert data["title"] == image.title


def test_an_unknown_image_is_a_404(api, home):
    status, data = api(f"{IMAGES}999999/")

    assert status == 404
    assert data["message"]
