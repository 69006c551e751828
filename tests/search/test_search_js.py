"""Search as you type in a real browser: a combobox used from the keyboard, an enhancement only.

Driven in Debian's Chromium against the test server; marked e2e like the other browser tests.
"""

import pytest
from django.core.management import call_command

from devdata.generate import Generator
from tests.chromium import require_chromium
from viewpoints.factories import ViewpointPageFactory

# The live server reads the data from another thread, so it must be committed; the rollback
# restores the root page and default site that the migrations made.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser_page(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=require_chromium(),
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, errors
        browser.close()


@pytest.fixture
def viewpoint_url(transactional_db):
    """The address of a viewpoint on a small site; made before the browser starts its loop."""
    Generator(seed=5).generate(8)
    call_command("update_index", verbosity=0)
    return ViewpointPageFactory(title="Gallowglass partnerships").url


def test_suggestions_by_keyboard(live_server, viewpoint_url, browser_page):
    page, errors = browser_page
    page.goto(live_server.url + "/")
    box = page.locator("#site-search-q")

    box.fill("gallowgl")
    option = page.locator("[role=option]", has_text="Gallowglass partnerships")
    option.wait_for()

    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    listbox_id = box.get_attribute("aria-controls")
    assert page.locator(f"#{listbox_id}").is_visible()

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator(f"#{listbox_id}").is_hidden()

    box.fill("gallowgla")
    option.wait_for()
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == live_server.url + viewpoint_url
    assert errors == []


def test_enter_without_choosing_goes_to_the_results_page(live_server, viewpoint_url, browser_page):
    page, errors = browser_page
    page.goto(live_server.url + "/")
    box = page.locator("#site-search-q")
    box.fill("gallowglass")
    page.locator("[role=option]").first.wait_for()

    with page.expect_navigation():
        box.press("Enter")

    assert page.url.startswith(live_server.url + "/search/?q=gallowglass")
    assert page.locator(".search-result__link", has_text="Gallowglass partnerships").is_visible()
    assert errors == []


def test_without_javascript_the_form_still_searches(live_server, viewpoint_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=require_chromium(),
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_page(java_script_enabled=False)
        page.goto(live_server.url + "/")
        page.fill("#site-search-q", "gallowglass")
        with page.expect_navigation():
            page.press("#site-search-q", "Enter")
        assert page.locator(".search-result__link", has_text="Gallowglass partnerships").count()
        assert page.locator("#site-search-q").get_attribute("role") is None
        browser.close()
