"""The hosted-video facade and the transcript, with the keyboard: nothing leaves the machine."""

import pytest

from tests.e2e.checks import assert_clean, axe_violations, focused
from tests.e2e.journeys import INTERVIEW_PATH, INTERVIEW_TITLE, is_focused, tab_to
from tests.e2e.prepare import YOUTUBE_ID

PLAY_BUTTON = ".video__play"
EMBED_HOST = "https://www.youtube-nocookie.com/"
# What the video host would send back, served by the test instead of the host.
STAND_IN = "<!DOCTYPE html><html lang='en'><title>Video</title><p>Video stand-in</p></html>"


@pytest.fixture
def interview(open_page, site_url):
    """The interview page, with every off-site request answered or refused inside the browser."""
    page = open_page()
    answered = []

    def off_site(route):
        if route.request.url.startswith(EMBED_HOST):
            answered.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body=STAND_IN)
        else:
            route.abort()

    page.route(lambda url: not url.startswith(site_url + "/"), off_site)
    page.answered = answered
    page.goto(INTERVIEW_PATH)
    page.wait_for_load_state("networkidle")
    return page


def test_nothing_is_requested_from_the_video_host_before_play(interview):
    page = interview
    assert page.problems.offsite_requests == []
    assert page.locator("iframe").count() == 0
    # The play button is the script's to show: without it, the link to the host is the way in.
    assert page.locator(PLAY_BUTTON).is_visible()
    link = page.get_by_role("link", name=f"Watch {INTERVIEW_TITLE} on YouTube")
    assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert_clean(page)


def test_play_with_the_keyboard_loads_a_titled_privacy_enhanced_frame(interview):
    page = interview
    tab_to(page, PLAY_BUTTON)
    assert focused(page)["text"] == f"Play video: {INTERVIEW_TITLE}"
    page.keyboard.press("Enter")

    frame = page.locator(".video__frame iframe")
    frame.wait_for()
    src = frame.get_attribute("src")
    assert src.startswith(f"{EMBED_HOST}embed/{YOUTUBE_ID}?")
    assert frame.get_attribute("title") == INTERVIEW_TITLE
    assert page.locator(PLAY_BUTTON).count() == 0
    # Focus follows into the player, so the keyboard user can control it at once.
    assert is_focused(page, ".video__frame iframe")
    page.frame_locator(".video__frame iframe").get_by_text("Video stand-in").wait_for()
    # The only request to leave the page was the embed, and the test answered it.
    assert page.problems.offsite_requests == [src] == page.answered
    # The policy let the frame in (frame-src), and the page still passes axe with it.
    assert not page.problems.csp_violations, page.problems.csp_violations
    assert not page.problems.errors, page.problems.errors
    violations, report = axe_violations(page)
    assert not violations, report


def test_play_with_space_works_too(interview):
    page = interview
    tab_to(page, PLAY_BUTTON)
    page.keyboard.press("Space")
    page.locator(".video__frame iframe").wait_for()


def test_transcript_opens_and_closes_with_the_keyboard(interview):
    page = interview
    details = page.locator("details.transcript__details")
    text = page.get_by_text("It means that the hospital is one partner among many.")
    # Open to begin with, so the words are there for everyone, scripts or not.
    assert details.evaluate("d => d.open") and text.is_visible()

    tab_to(page, "summary.transcript__summary")
    page.keyboard.press("Enter")
    assert not details.evaluate("d => d.open") and not text.is_visible()
    page.keyboard.press("Space")
    assert details.evaluate("d => d.open") and text.is_visible()

    # Each timed paragraph links to that moment on the host, named for screen readers.
    moment = page.locator(".transcript__time a").nth(1)
    assert moment.text_content() == "Play from 0:12"
    assert "t=12" in moment.get_attribute("href")
    assert page.problems.offsite_requests == []
    assert_clean(page)


def test_a_transcript_moment_plays_the_video_there_with_the_keyboard(interview):
    page = interview
    address = page.url
    tab_to(page, ".transcript__time a[data-video-seek='12']")
    page.keyboard.press("Enter")
    frame = page.locator(".video__frame iframe")
    frame.wait_for()
    assert "start=12" in frame.get_attribute("src")
    # The visitor stays on the page, with the keyboard in the player.
    assert page.url == address
    assert is_focused(page, ".video__frame iframe")
    page.frame_locator(".video__frame iframe").get_by_text("Video stand-in").wait_for()
    assert page.problems.offsite_requests == page.answered == [frame.get_attribute("src")]
