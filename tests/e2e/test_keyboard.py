"""The main journeys with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and Escape."""

import re

from tests.e2e.checks import assert_clean, focused
from tests.e2e.journeys import (
    CONTACT_PATH,
    ENQUIRY,
    THANKS_HEADING,
    is_focused,
    press_and_wait,
    tab_to,
)

MENU_TOGGLE = ".main-nav__toggle"
MENU_LINK = ".main-nav__link"


def test_skip_link_is_first_and_moves_focus_to_the_main_content(open_page):
    page = open_page()
    page.goto("/why-systems-leadership/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert focused(page)["text"] == "Skip to main content"
    # Hidden until focused, then on screen where a sighted keyboard user can see it.
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["x"] >= 0 and box["width"] > 1 and box["height"] > 1
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"
    assert page.url.endswith("#main-content")
    # The next Tab lands on the page's own content, past the header and its menu.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")
    assert_clean(page)


def test_menu_opens_and_closes_with_the_keyboard_on_a_small_screen(open_page):
    page = open_page("mobile")
    page.goto("/")
    toggle = page.locator(MENU_TOGGLE)
    first_link = page.locator(MENU_LINK).first
    assert toggle.is_visible() and not first_link.is_visible()

    tab_to(page, MENU_TOGGLE)
    assert toggle.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert first_link.is_visible()

    # Into the menu, then Escape closes it and gives focus back to its button.
    page.keyboard.press("Tab")
    assert is_focused(page, MENU_LINK)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert is_focused(page, MENU_TOGGLE)
    assert not first_link.is_visible()

    # Space opens it too; a link in it takes the visitor to its section.
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"
    tab_to(page, f"{MENU_LINK}[href='/programmes/']", limit=10)
    press_and_wait(page, "Enter")
    assert page.url.endswith("/programmes/")
    assert page.locator(f"{MENU_LINK}[aria-current]").inner_text() == "Programmes"
    assert_clean(page)


def test_search_and_page_through_results_with_the_keyboard(open_page):
    page = open_page()
    page.goto("/")
    tab_to(page, "#site-search-q")
    page.keyboard.type("leadership")
    # Enter submits the search itself while no suggestion has been chosen with the arrows.
    press_and_wait(page, "Enter")
    assert re.search(r"/search/\?q=leadership$", page.url)

    count = page.locator("#search-result-count")
    assert count.get_attribute("role") == "status"
    total = int(re.match(r"(\d+) results? for", count.inner_text()).group(1))
    assert total > 10
    assert page.locator("ol.search-results > li").count() == 10

    tab_to(page, "a.pagination__link[rel='next']", limit=200)
    press_and_wait(page, "Enter")
    assert "page=2" in page.url
    assert page.locator("ol.search-results").get_attribute("start") == "11"
    assert page.locator(".pagination__summary").inner_text().startswith("Page 2 of")
    assert page.locator("#search-result-count").get_attribute("role") == "status"

    # And back again: Shift+Tab from the footer, the way a visitor at the page's end goes.
    page.locator(".site-footer a").last.focus()
    tab_to(page, "a.pagination__link[rel='prev']", backwards=True)
    press_and_wait(page, "Enter")
    assert page.locator("ol.search-results").get_attribute("start") == "1"
    assert_clean(page)


def test_search_suggestions_are_chosen_with_the_arrow_keys(open_page):
    page = open_page()
    page.goto("/")
    tab_to(page, "#site-search-q")
    page.keyboard.type("Leading D")
    search_box = page.locator("#site-search-q")
    listbox = page.locator("#" + search_box.get_attribute("aria-controls"))
    listbox.locator("[role=option]").first.wait_for()
    assert search_box.get_attribute("aria-expanded") == "true"
    # The number of suggestions is announced.
    status = page.locator(".site-search [role=status]")
    assert re.match(r"\d+ suggestions?\.", status.inner_text())

    page.keyboard.press("ArrowDown")
    first = listbox.locator("[role=option]").first
    assert first.get_attribute("aria-selected") == "true"
    assert search_box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    target = first.get_attribute("data-url")
    press_and_wait(page, "Enter")
    assert page.url.endswith(target)
    assert_clean(page)


def test_filter_programmes_with_the_keyboard(open_page):
    page = open_page()
    page.goto("/programmes/")
    count = page.locator(".result-count")
    assert count.get_attribute("role") == "status"
    everything = int(re.match(r"\d+", count.inner_text()).group())

    tab_to(page, "#filter-status")
    # The arrow keys move through a closed list without opening it.
    for _ in range(5):
        if page.locator("#filter-status").input_value() == "current":
            break
        page.keyboard.press("ArrowDown")
    assert page.locator("#filter-status").input_value() == "current"
    tab_to(page, ".filters__submit", limit=5)
    press_and_wait(page, "Enter")

    assert "status=current" in page.url
    text = page.locator(".result-count").inner_text()
    assert re.match(r"\d+ programmes? match(es)? your filters", text), text
    matched = int(re.match(r"\d+", text).group())
    assert 0 < matched < everything
    tags = page.locator(".card .tag").all_inner_texts()
    assert len(tags) == matched and set(tags) == {"Current"}

    tab_to(page, ".filters__clear")
    press_and_wait(page, "Enter")
    assert page.locator(".result-count").inner_text().startswith(f"{everything} programme")
    assert_clean(page)


def test_contact_form_with_the_keyboard_an_error_corrected_then_sent(open_page):
    page = open_page()
    page.goto(CONTACT_PATH)
    tab_to(page, "#id_name")
    page.keyboard.type(ENQUIRY["name"])
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_email")
    page.keyboard.type("amira.khan.example.org")
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_organisation")  # optional: left empty
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_topic")
    assert page.locator("#id_topic option:checked").inner_text() == "Choose one"
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_topic").input_value() != ""
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_message")
    page.keyboard.type(ENQUIRY["message"])
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()
    tab_to(page, ".contact-form__submit", limit=5)
    press_and_wait(page, "Enter")

    # The summary of problems has focus, so it is read out first, and says what to fix.
    assert page.title().startswith("Error:")
    assert is_focused(page, "[data-error-summary]")
    summary = page.locator("[data-error-summary]")
    assert summary.get_attribute("role") == "alert"
    links = summary.locator("a")
    assert links.count() == 1 and links.first.get_attribute("href") == "#id_email"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    # What was typed is still there.
    assert page.locator("#id_message").input_value() == ENQUIRY["message"]
    assert page.locator("#id_consent").is_checked()

    # The link in the summary takes focus to the field, to put it right.
    page.keyboard.press("Tab")
    assert is_focused(page, "[data-error-summary] a")
    page.keyboard.press("Enter")
    assert is_focused(page, "#id_email")
    page.keyboard.press("Control+a")
    page.keyboard.type(ENQUIRY["email"])
    tab_to(page, ".contact-form__submit", limit=10)
    press_and_wait(page, "Enter")

    assert not page.title().startswith("Error:")
    assert page.get_by_role("heading", level=1).inner_text() == THANKS_HEADING
    assert_clean(page)
