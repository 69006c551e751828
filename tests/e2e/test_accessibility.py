"""Every page type and state, at both widths: axe-core's WCAG 2.0/2.1/2.2 A and AA rules, the
strict Content-Security-Policy, no script errors, nothing fetched from elsewhere and no sideways
scrolling. A screenshot of each is saved in test-artifacts/."""

import re
from urllib.parse import urlparse

import pytest

from tests.e2e.checks import check_page
from tests.e2e.journeys import (
    CONTACT_PATH,
    EMBARGOED_PUBLICATION_PATH,
    INTERVIEW_PATH,
    PROGRAMME_PATH,
    PUBLICATION_PATH,
    SEED_INTERVIEW_PATH,
    VIEWPOINT_PATH,
    send_contact_form,
)

# A 404 page is a response with status 404, and Chromium reports every such response in the
# console ("Failed to load resource: ... 404"), the page's own address included. That one line,
# for the page's own address and on the 404 state only, says nothing is wrong with the page.
NOT_FOUND_CONSOLE = "Failed to load resource: the server responded with a status of 404 (Not Found)"

# People and partners have pages of their own, found through their listings.
NAME_LISTINGS = {"person": "/people/", "partner": "/partners/"}

PATHS = {
    "home": "/",
    "standard": "/why-systems-leadership/",
    "focus_area_index": "/focus-areas/",
    "focus_area": "/focus-areas/evaluation/",
    "programme_index": "/programmes/",
    "programme_index_filtered": "/programmes/?status=in_development",
    "programme": PROGRAMME_PATH,
    "partner_index": "/partners/",
    "interview_index": "/learning-from-leaders/",
    "interview": INTERVIEW_PATH,
    "interview_without_video": SEED_INTERVIEW_PATH,
    "person_index": "/people/",
    "viewpoint_index": "/viewpoints/",
    "viewpoint_index_filtered": "/viewpoints/?focus_area=development&year=2024",
    "viewpoint": VIEWPOINT_PATH,
    "publication_index": "/publications/",
    "publication_index_filtered": "/publications/?focus_area=evaluation&year=2017",
    # Every generated publication is dated 2015 to 2024: 2014 is a real year with nothing in it.
    "publication_index_no_results": "/publications/?focus_area=evaluation&year=2014",
    "publication": PUBLICATION_PATH,
    "publication_embargoed": EMBARGOED_PUBLICATION_PATH,
    "search_results": "/search/?q=leadership",
    "search_results_page_2": "/search/?q=leadership&page=2",
    "search_no_results": "/search/?q=qzxwvkj",
    "search_empty": "/search/",
    "contact": CONTACT_PATH,
    "accessibility_statement": "/accessibility/",
    "not_found": "/no-such-page/",
}
STATES = [*PATHS, *NAME_LISTINGS, "contact_errors", "contact_thanks"]


def open_state(page, state):
    """Go to one page type or state the way a visitor would."""
    if state in PATHS:
        response = page.goto(PATHS[state])
        assert response.status == (404 if state == "not_found" else 200), response.url
    elif state in NAME_LISTINGS:
        listing = NAME_LISTINGS[state]
        page.goto(listing)
        link = page.locator(f"main a.name-list__link[href^='{listing}']").first
        with page.expect_navigation():
            link.click()
        assert re.fullmatch(rf"{listing}[\w-]+/", urlparse(page.url).path), page.url
    elif state == "contact_errors":
        page.goto(CONTACT_PATH)
        with page.expect_navigation():
            page.get_by_role("button", name="Send message").click()
        assert page.locator("[data-error-summary]").is_visible()
    elif state == "contact_thanks":
        send_contact_form(page)
    else:
        raise AssertionError(state)
    if state == "not_found":
        page.problems.ignored_console.add((NOT_FOUND_CONSOLE, page.url))


@pytest.mark.parametrize("state", STATES)
def test_page_passes_every_check(page, state):
    open_state(page, state)
    check_page(page, state)


def test_search_results_run_to_a_second_page(open_page):
    """The search pagination state above only proves something if there is a second page."""
    page = open_page()
    page.goto(PATHS["search_results_page_2"])
    assert page.locator("ol.search-results > li").count() > 0
    assert "Page 2 of" in page.locator(".pagination__summary").inner_text()


def test_the_404_allowance_is_only_the_pages_own_status(open_page):
    """The console line allowed on the 404 page is still caught for anything else that fails."""
    page = open_page()
    open_state(page, "not_found")
    page.evaluate(
        "() => new Promise(done => { const img = new Image(); img.onerror = done; "
        "img.src = '/static/img/missing.svg'; document.body.append(img); })"
    )
    assert any("404" in error and "missing.svg" in error for error in page.problems.errors)


def test_a_csp_refusal_is_caught(open_page):
    """The policy checks above would catch an inline script, were a template to add one."""
    page = open_page()
    page.goto("/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.inlineRan = true'; document.body.append(s); }"
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("() => window.inlineRan") is None
    assert page.problems.csp_violations
