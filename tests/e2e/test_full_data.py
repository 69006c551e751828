"""Every page type as editors fill it (tests/e2e/full_data.py: photos, listing images with
credits, every block, long names and transcripts) passes the same checks as the seeded site at
both widths: axe-core, no layout shift, no sideways scrolling, the strict policy. Screenshots go
to test-artifacts/."""

import pytest

from tests.e2e.checks import check_page
from tests.e2e.conftest import new_page
from tests.e2e.full_data import PATHS


@pytest.fixture
def full_page(browser, full_site_url, viewport):
    """A fresh tab on the fully filled site, at each width in turn."""
    page = new_page(browser, full_site_url, viewport)
    yield page
    page.context.close()


@pytest.mark.parametrize("state", list(PATHS))
def test_filled_page_passes_every_check(full_page, state):
    response = full_page.goto(PATHS[state])
    assert response.status == 200, response.url
    # Lazy images below the fold load as a reader scrolls; their space must be kept meanwhile.
    full_page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    full_page.wait_for_load_state("networkidle")
    full_page.evaluate("() => window.scrollTo(0, 0)")
    check_page(full_page, f"full-{state}")


def test_filled_pages_show_what_editors_filled(browser, full_site_url):
    """The data set really has what it claims, so the checks above see photos and credits."""
    page = new_page(browser, full_site_url, "desktop")
    page.goto(PATHS["person"])
    assert page.locator(".profile__photo img").count() == 1
    page.goto(PATHS["standard"])
    assert page.locator(".figure__caption").first.inner_text().startswith("Image: Photograph")
    page.goto(PATHS["publication_embargoed"])
    assert page.get_by_text("Embargoed").first.is_visible()
    page.goto(PATHS["interview"])
    assert page.locator(".transcript__paragraph").count() >= 40
    page.context.close()


def _box(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not shown"
    return box


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_person_photo_sits_beside_or_below_the_heading(browser, full_site_url, viewport):
    """The name starts where its label does; the photo is beside it, or under it when narrow."""
    page = new_page(browser, full_site_url, viewport)
    page.goto(PATHS["person"])
    eyebrow = _box(page, ".profile .eyebrow")
    title = _box(page, ".profile .page-header__title")
    photo = _box(page, ".profile__photo img")
    assert abs(title["x"] - eyebrow["x"]) < 1, (eyebrow, title)
    assert title["y"] > eyebrow["y"]
    if viewport == "desktop":
        assert photo["x"] >= title["x"] + title["width"] - 1, (title, photo)
        assert photo["y"] < title["y"] + title["height"], (title, photo)
    else:
        assert photo["y"] >= title["y"] + title["height"], (title, photo)
    page.context.close()
