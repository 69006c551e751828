"""Steps that several browser tests take: what a visitor does, written once."""

import re

CONTACT_PATH = "/contact/"
THANKS_HEADING = re.compile("thank", re.IGNORECASE)

ENQUIRY = {
    "name": "Amira Khan",
    "email": "amira.khan@example.org",
    "organisation": "Walsall Integrated Care Board",
    "message": "Could you tell me when the next systems leadership programme starts?",
}


def fill_contact_form(page, *, email=ENQUIRY["email"]):
    """Fill in every question of the seeded contact form, as a visitor with a mouse would."""
    page.get_by_label("Name", exact=True).fill(ENQUIRY["name"])
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Organisation (optional)").fill(ENQUIRY["organisation"])
    topic = page.get_by_label("What is your enquiry about?")
    # The list opens on its "Choose one" prompt; any real topic will do.
    topic.select_option(index=1)
    page.get_by_label("Message").fill(ENQUIRY["message"])
    page.get_by_role("checkbox").check()


def send_contact_form(page):
    """Send a complete enquiry and arrive on the thank-you page."""
    page.goto(CONTACT_PATH)
    fill_contact_form(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send message").click()
    heading = page.get_by_role("heading", level=1)
    assert THANKS_HEADING.search(heading.inner_text()) or THANKS_HEADING.search(
        page.locator("main").inner_text()
    ), page.locator("main").inner_text()
