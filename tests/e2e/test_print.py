"""Printing a programme, viewpoint or publication gives the content alone, in black on white."""

import pytest

from tests.e2e.checks import ARTIFACTS, assert_clean
from tests.e2e.journeys import PROGRAMME_PATH, PUBLICATION_PATH, VIEWPOINT_PATH

PRINTED = {
    "programme": PROGRAMME_PATH,
    "viewpoint": VIEWPOINT_PATH,
    "publication": PUBLICATION_PATH,
}
SCREEN_ONLY = [".skip-link", ".site-header", ".breadcrumbs", ".site-footer"]


@pytest.mark.parametrize("kind", list(PRINTED))
def test_printed_page_is_the_content_alone_in_black(open_page, kind):
    page = open_page()
    page.goto(PRINTED[kind])
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("main h1").is_visible()
    colours = page.evaluate(
        """() => [document.body, document.querySelector("main h1"),
                  document.querySelector("main p")].map(el => getComputedStyle(el).color)"""
    )
    assert set(colours) == {"rgb(0, 0, 0)"}, colours
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=ARTIFACTS / f"print-{kind}.pdf", format="A4")
    assert pdf.startswith(b"%PDF")
    assert_clean(page)
