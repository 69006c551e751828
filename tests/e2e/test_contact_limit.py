"""The contact form's rate-limit refusal is as readable as any other error."""

from tests.e2e.checks import check_page, is_status
from tests.e2e.journeys import CONTACT_PATH, ENQUIRY, fill_contact_form, is_focused

# portal/settings/e2e.py trusts one proxy, so this address (from the range kept for
# documentation) has a rate-limit count of its own and the other tests' posts are never refused.
ADDRESS = "203.0.113.7"
# Chromium reports the refused post's status in the console, as for any 4xx answer: that line,
# for the contact page's own address only, is the refusal this test asks for, not a fault.
TOO_MANY_CONSOLE = (
    "Failed to load resource: the server responded with a status of 429 (Too Many Requests)"
)


def test_rate_limit_refusal_is_readable_and_keeps_the_message(open_page, site_url):
    page = open_page("mobile", extra_http_headers={"X-Forwarded-For": ADDRESS})
    page.goto(CONTACT_PATH)
    # Reach the limit quickly: complete enquiries sent straight from the page. Only accepted
    # enquiries count (robot-like posts never use up an address's allowance).
    form = {
        "csrfmiddlewaretoken": page.locator("input[name=csrfmiddlewaretoken]").input_value(),
        "form_token": page.locator("input[name=form_token]").input_value(),
        "name": ENQUIRY["name"],
        "email": ENQUIRY["email"],
        "topic": page.locator("select[name=topic] option").nth(1).get_attribute("value"),
        "message": ENQUIRY["message"],
        "consent": "on",
    }
    for _ in range(100):
        response = page.request.post(CONTACT_PATH, form=form, headers={"X-Forwarded-For": ADDRESS})
        if response.status == 429:
            break
        assert response.status == 200, response.status
    else:
        raise AssertionError("the rate limit was never reached")

    fill_contact_form(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send message").click()
    assert is_status(page, 429)
    page.problems.ignored_console.add((TOO_MANY_CONSOLE, site_url + CONTACT_PATH))

    summary = page.locator("[data-error-summary]")
    assert is_focused(page, "[data-error-summary]")
    assert "limit has been reached" in summary.inner_text()
    assert "Nothing was sent" in summary.inner_text()
    # What the visitor wrote is still in the form, to copy or to send later.
    assert page.get_by_label("Message").input_value() == ENQUIRY["message"]
    check_page(page, "contact_rate_limited")
