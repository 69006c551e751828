"""Steps that several browser tests take: what a visitor does, written once."""

from tests.e2e.prepare import INTERVIEW_SLUG, VIEWPOINT_SLUG

CONTACT_PATH = "/contact/"
# The e2e data's interview with a hosted (YouTube) video and a timed transcript.
INTERVIEW_PATH = f"/learning-from-leaders/{INTERVIEW_SLUG}/"
INTERVIEW_TITLE = "How do leaders work across a place?"
# The e2e data's viewpoint, with an image.
VIEWPOINT_PATH = f"/viewpoints/{VIEWPOINT_SLUG}/"
# Seed pages: a programme, a report, a report under embargo, an interview with no video yet.
PROGRAMME_PATH = "/programmes/leading-dfferently/"
PUBLICATION_PATH = "/publications/evaluation-of-the-bristol-mental-health-systems-leadership-model/"
EMBARGOED_PUBLICATION_PATH = (
    "/publications/report-on-the-development-of-systems-leadership-for-the-nhs-la/"
)
SEED_INTERVIEW_PATH = (
    "/learning-from-leaders/what-does-leadership-look-like-in-a-primary-care-setting/"
)
THANKS_HEADING = "Thank you: your message has been sent"

ENQUIRY = {
    "name": "Amira Khan",
    "email": "amira.khan@example.org",
    "organisation": "Walsall Integrated Care Board",
    "message": "Could you tell me when the next systems leadership programme starts?",
}


def fill_contact_form(page):
    """Fill in every question of the seeded contact form, as a visitor with a mouse would."""
    page.get_by_label("Name", exact=True).fill(ENQUIRY["name"])
    page.get_by_label("Email address").fill(ENQUIRY["email"])
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
    assert page.get_by_role("heading", level=1).inner_text() == THANKS_HEADING


def is_focused(page, selector):
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def tab_to(page, selector, *, limit=80, backwards=False):
    """Press Tab (or Shift+Tab) until `selector` has focus, as a keyboard user would.

    Fails if it is never reached, which is what a keyboard trap or an unreachable control means.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if is_focused(page, selector):
            return presses
    raise AssertionError(f"{selector} was not reached with {limit} presses of {key}")


def press_and_wait(page, key):
    """Press a key that loads a new page, and wait for it."""
    with page.expect_navigation():
        page.keyboard.press(key)
