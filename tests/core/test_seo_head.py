"""Every page tells search engines and social sites its address, description and picture."""

import pytest

from core.factories import ImageFactory, StandardPageFactory
from core.models import SiteSettings
from interviews.factories import InterviewPageFactory
from people.factories import PersonFactory
from programmes.factories import ProgrammePageFactory
from tests.core.html import SITE_ROOT, link_href, meta

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_image(db):
    return ImageFactory(title="Leaders meeting", file__width=1600, file__height=1000)


def test_canonical_address_is_absolute_and_comes_from_the_site(client, public_site):
    page = StandardPageFactory(title="Why systems leadership?", slug="why-systems-leadership")

    response = client.get(page.url)

    # The request came to "testserver" over http; the canonical address is the Site's.
    assert link_href(response, "canonical") == f"{SITE_ROOT}/why-systems-leadership/"
    assert meta(response)["og:url"] == f"{SITE_ROOT}/why-systems-leadership/"


def test_canonical_address_drops_filters_but_keeps_the_page_of_a_listing(
    client, public_site, programme_index
):
    ProgrammePageFactory.create_batch(11, parent=programme_index)

    first = client.get(programme_index.url + "?status=delivered")
    second = client.get(programme_index.url + "?page=2")

    assert link_href(first, "canonical") == f"{SITE_ROOT}/programmes/"
    assert link_href(second, "canonical") == f"{SITE_ROOT}/programmes/?page=2"


def test_description_is_the_search_description_else_the_summary(client, public_site):
    plain = StandardPageFactory(summary="How leaders work across a system.")
    chosen = StandardPageFactory(
        summary="Shown in listings.", search_description="Written for search engines."
    )

    plain_tags = meta(client.get(plain.url))
    chosen_tags = meta(client.get(chosen.url))

    assert plain_tags["description"] == "How leaders work across a system."
    assert (
        plain_tags["og:description"]
        == plain_tags["twitter:description"]
        == plain_tags["description"]
    )
    assert chosen_tags["description"] == "Written for search engines."


def test_open_graph_and_twitter_card_name_the_page_and_the_site(client, public_site):
    page = StandardPageFactory(title="Why systems leadership?", seo_title="Why it matters")

    tags = meta(client.get(page.url))

    assert tags["og:title"] == tags["twitter:title"] == "Why it matters"
    assert tags["og:site_name"] == "Systems Leadership"
    assert tags["og:type"] == "website"
    assert tags["og:locale"] == "en_GB"
    assert tags["twitter:card"] == "summary_large_image"


def test_share_image_is_the_page_listing_image_as_an_absolute_rendition(
    client, public_site, big_image
):
    page = StandardPageFactory(listing_image=big_image)

    tags = meta(client.get(page.url))

    rendition = big_image.get_rendition("fill-1200x630|format-jpeg")
    assert tags["og:image"] == f"{SITE_ROOT}{rendition.url}"
    assert tags["twitter:image"] == tags["og:image"]
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert rendition.url.endswith(".jpg")


def test_share_image_of_an_interview_without_one_is_the_leader_photo(
    client, public_site, interview_index, big_image
):
    leader = PersonFactory(photo=big_image)
    interview = InterviewPageFactory(parent=interview_index, leader=leader)

    tags = meta(client.get(interview.url))

    assert tags["og:image"] == SITE_ROOT + big_image.get_rendition("fill-1200x630|format-jpeg").url


def test_share_image_falls_back_to_the_site_default_then_the_static_one(
    client, public_site, big_image
):
    page = StandardPageFactory()

    static = meta(client.get(page.url))
    settings = SiteSettings.for_site(public_site)
    settings.share_image = big_image
    settings.save()
    chosen = meta(client.get(page.url))

    assert static["og:image"] == f"{SITE_ROOT}/static/img/share-default.png"
    assert static["og:image:alt"]
    assert (
        chosen["og:image"] == SITE_ROOT + big_image.get_rendition("fill-1200x630|format-jpeg").url
    )


def test_static_default_share_image_exists_at_the_size_announced(client, public_site):
    from django.contrib.staticfiles import finders
    from PIL import Image

    path = finders.find("img/share-default.png")

    assert path is not None
    with Image.open(path) as image:
        assert image.size == (1200, 630)


def test_an_image_whose_file_is_lost_falls_back_rather_than_break_the_page(
    client, public_site, big_image
):
    page = StandardPageFactory(listing_image=big_image)
    big_image.file.storage.delete(big_image.file.name)

    response = client.get(page.url)

    assert response.status_code == 200
    assert meta(response)["og:image"] == f"{SITE_ROOT}/static/img/share-default.png"


def test_views_that_are_not_for_indexing_get_no_canonical_or_share_tags(client, public_site):
    search = client.get("/search/?q=leadership")
    missing = client.get("/no-such-page/")

    assert missing.status_code == 404
    for response in (search, missing):
        assert link_href(response, "canonical") is None
        assert "og:title" not in meta(response)
