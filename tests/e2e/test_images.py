"""Images in a real browser: renditions at the size shown, modern formats, lazy loading, and
width and height set so that nothing moves when they arrive."""

import re

from tests.e2e.checks import assert_clean, layout_shift
from tests.e2e.journeys import VIEWPOINT_PATH
from tests.e2e.prepare import IMAGE_ALT

# The rendition the browser picks for the body image (sizes: 45rem from 48em, else 100vw).
EXPECTED_WIDTH = {"desktop": 800, "mobile": 480}


def loaded(image):
    image.scroll_into_view_if_needed()
    image.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    return image.evaluate("img => img.currentSrc")


def test_body_image_is_sized_lazy_and_modern(page, viewport):
    page.goto(VIEWPOINT_PATH)
    image = page.locator("main figure picture img")
    assert image.get_attribute("alt") == IMAGE_ALT
    assert image.get_attribute("loading") == "lazy"
    assert int(image.get_attribute("width")) > 0 and int(image.get_attribute("height")) > 0
    types = page.locator("main figure picture source").evaluate_all(
        "sources => sources.map(s => s.type)"
    )
    assert types[:2] == ["image/avif", "image/webp"], types
    candidates = image.evaluate("img => img.srcset").split(",")
    assert len(candidates) == 3, candidates

    source = loaded(image)
    assert source.endswith(".avif"), source
    assert f"width-{EXPECTED_WIDTH[viewport]}" in source, source
    box = image.bounding_box()
    assert box["width"] <= page.viewport_size["width"]
    # Its space was kept from the start: the page did not jump when it arrived.
    assert layout_shift(page) < 0.01
    assert_clean(page)


def test_card_image_is_lazy_and_decorative(open_page):
    page = open_page("mobile")
    page.goto("/viewpoints/")
    card = page.locator(
        ".card", has=page.get_by_role("link", name=re.compile("organisational boundaries"))
    )
    image = card.locator("picture img")
    # The card's title says what it links to; the picture adds nothing to read out.
    assert image.get_attribute("alt") == ""
    assert image.get_attribute("loading") == "lazy"
    assert image.get_attribute("width") and image.get_attribute("height")
    assert loaded(image).endswith(".avif")
    assert_clean(page)
