"""Wagtail's userbar in the browser: there for a signed-in editor, with its accessibility checker
working under the strict policy; no trace of it for a visitor."""

import re

from playwright.sync_api import expect

from tests.e2e.editors import EDITOR_PASSWORD, EDITOR_USERNAME, SKIPPED_HEADING

VISITOR_PATH = "/why-systems-leadership/"
DRAFT_TITLE = "A draft with a skipped heading"


def sign_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR_USERNAME)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    # What the admin itself reports is not the public page's business.
    page.problems.console_errors.clear()


def edit_link(page):
    """The userbar's 'Edit this page', opened from its trigger."""
    page.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    return page.locator("wagtail-userbar").get_by_role("menuitem", name="Edit this page")


def page_id(href):
    return re.search(r"/admin/pages/(\d+)/edit/", href).group(1)


def test_a_visitor_gets_no_trace_of_the_userbar(open_page):
    page = open_page()

    response = page.goto(VISITOR_PATH)

    assert response.status == 200
    html = page.content()
    assert "userbar" not in html.lower()
    assert "wagtailadmin" not in html
    assert page.locator("wagtail-userbar").count() == 0
    assert "cookie" not in response.headers.get("vary", "").lower()
    assert "public" in response.headers["cache-control"]


def test_a_signed_in_editor_gets_the_userbar_under_the_strict_policy(open_page):
    page = open_page()
    sign_in(page)

    response = page.goto(VISITOR_PATH)

    assert response.status == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "private" in response.headers["cache-control"]
    edit = edit_link(page)
    expect(edit).to_be_visible()
    assert page_id(edit.get_attribute("href"))
    assert page.problems.csp_violations == []
    assert page.problems.errors == []


def test_the_checker_reports_a_skipped_heading_level_on_a_preview(open_page):
    page = open_page()
    sign_in(page)
    page.goto("/")
    home_id = page_id(edit_link(page).get_attribute("href"))
    page.goto(f"/admin/pages/{home_id}/")
    draft_id = page_id(page.get_by_role("link", name=DRAFT_TITLE).first.get_attribute("href"))

    response = page.goto(f"/admin/pages/{draft_id}/view_draft/")

    assert response.status == 200
    expect(page.get_by_role("heading", name=SKIPPED_HEADING)).to_be_visible()
    userbar = page.locator("wagtail-userbar")
    userbar.locator("#wagtail-userbar-trigger").click()
    userbar.locator("#checker-trigger").click()
    results = userbar.locator("#checker-results")
    expect(results.get_by_text("Incorrect heading hierarchy")).to_be_visible()
    assert page.problems.csp_violations == []
