"""JavaScript only enhances: with it turned off the menu, video, transcript, search, filters and
contact form all still work, by keyboard."""

import re

from tests.e2e.checks import assert_clean, check_page
from tests.e2e.journeys import (
    CONTACT_PATH,
    INTERVIEW_PATH,
    INTERVIEW_TITLE,
    is_focused,
    press_and_wait,
    tab_to,
)


def menu_is_open(page):
    assert not page.locator(".main-nav__toggle").is_visible()
    links = page.locator(".main-nav__link")
    assert links.count() > 3
    assert all(link.is_visible() for link in links.all())


def test_menu_is_an_open_list_on_a_small_screen(open_page):
    page = open_page("mobile", java_script_enabled=False)
    page.goto("/")
    menu_is_open(page)
    tab_to(page, ".main-nav__link[href='/viewpoints/']", limit=15)
    press_and_wait(page, "Enter")
    assert page.url.endswith("/viewpoints/")
    assert_clean(page)


def test_the_page_without_its_scripts_passes_every_check(open_page):
    """axe-core needs JavaScript to run, so the site's own scripts are served empty instead."""
    page = open_page("mobile")
    page.route(
        "**/static/js/*.js",
        lambda route: route.fulfill(body="", content_type="text/javascript"),
    )
    page.goto("/")
    assert page.evaluate("() => document.documentElement.className") == "no-js"
    menu_is_open(page)
    check_page(page, "home_without_javascript")


def test_hosted_video_is_a_link_and_the_transcript_still_folds(open_page):
    page = open_page(java_script_enabled=False)
    page.goto(INTERVIEW_PATH)
    assert not page.locator(".video__play").is_visible()
    assert page.locator("iframe").count() == 0
    link = page.get_by_role("link", name=f"Watch {INTERVIEW_TITLE} on YouTube")
    assert link.is_visible()

    details = page.locator("details.transcript__details")
    tab_to(page, "summary.transcript__summary")
    page.keyboard.press("Enter")
    assert not details.evaluate("d => d.open")
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open")
    assert page.problems.offsite_requests == []
    assert_clean(page)


def test_search_filters_and_contact_errors_work_without_scripts(open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/")
    tab_to(page, "#site-search-q")
    page.keyboard.type("evaluation")
    press_and_wait(page, "Enter")
    assert re.match(r"\d+ results? for", page.locator("#search-result-count").inner_text())

    page.goto("/programmes/")
    page.get_by_label("Focus area").select_option(label="Evaluation")
    tab_to(page, ".filters__submit")
    press_and_wait(page, "Enter")
    assert "focus_area=" in page.url
    assert "match" in page.locator(".result-count").inner_text()

    page.goto(CONTACT_PATH)
    tab_to(page, ".contact-form__submit")
    press_and_wait(page, "Enter")
    summary = page.locator("[data-error-summary]")
    # No script to move focus: the summary is still announced (role=alert) and comes first.
    assert summary.get_attribute("role") == "alert" and summary.is_visible()
    assert summary.locator("a").count() >= 4
    tab_to(page, "[data-error-summary] a[href='#id_message']")
    page.keyboard.press("Enter")
    assert page.url.endswith("#id_message")
    # Following the link moves the keyboard to the field: the next Tab goes on from there.
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_consent")
    assert_clean(page)


def test_publication_filters_combine_and_clear_without_scripts(open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/publications/")
    page.get_by_label("Focus area").select_option("evaluation")
    page.get_by_label("Year").select_option("2017")
    tab_to(page, ".filters__submit")
    press_and_wait(page, "Enter")
    assert "focus_area=evaluation" in page.url and "year=2017" in page.url
    count = page.locator(".result-count").inner_text()
    assert re.fullmatch(r"\d+ publications? for focus area Evaluation and year 2017", count)
    assert page.get_by_label("Year").input_value() == "2017"
    with page.expect_navigation():
        page.get_by_role("link", name="Clear filters").click()
    assert page.url.endswith("/publications/")
    assert_clean(page)
