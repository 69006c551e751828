"""The editor's Checks panel in the browser: it follows autosave, with no reload."""

from playwright.sync_api import expect

from publications.wagtail_hooks import NO_SUMMARY
from tests.e2e.editors import DRAFT_PUBLICATION_TITLE
from tests.e2e.test_userbar import sign_in

WATCHING = """() => new Promise(resolve => document.addEventListener(
    "w-unsaved:watch-edits", resolve, {once: true}))"""


def test_the_content_checks_follow_each_autosave(open_page):
    page = open_page()
    sign_in(page)
    page.goto("/admin/pages/search/?q=" + DRAFT_PUBLICATION_TITLE.replace(" ", "+"))
    page.get_by_role("link", name=DRAFT_PUBLICATION_TITLE).first.click()
    # Wagtail notes the form as loaded two seconds after it opens; autosave saves changes from it.
    page.evaluate(WATCHING)
    page.get_by_role("button", name="Toggle checks").click()
    checks = page.locator("[data-portal-content-checks]")
    expect(checks).to_contain_text("Nothing missing")

    page.fill("#id_summary", "")
    expect(checks.locator("[data-portal-content-check]")).to_have_text([NO_SUMMARY])
    expect(checks.locator(".w-content-checker__count")).to_have_text("1")

    page.fill("#id_summary", "One sentence on what the publication found.")
    expect(checks).to_contain_text("Nothing missing")
    assert page.problems.csp_violations == []
    assert page.problems.errors == []
