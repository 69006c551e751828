"""Timed transcript links in a real browser: they play the video on the page from their moment.

Driven in Debian's Chromium against the test server; marked e2e like the other browser tests.
"""

import pytest

from core.factories import DocumentFactory
from interviews.factories import InterviewPageFactory
from tests.chromium import require_chromium

# The live server reads the data from another thread, so it must be committed; the rollback
# restores the root page and default site that the migrations made.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

YOUTUBE_ID = "dQw4w9WgXcQ"
EMBED = f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
STAND_IN = "<!DOCTYPE html><html lang='en'><title>Video</title><p>Video stand-in</p></html>"
TRANSCRIPT = [
    {"type": "paragraph", "value": {"start": "0:12", "speaker": "", "text": "Opening words."}},
    {"type": "paragraph", "value": {"start": "3:05", "speaker": "", "text": "Later words."}},
]


@pytest.fixture
def browser(live_server):
    """A page in Chromium where every off-site request is recorded, and answered by a stand-in."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=require_chromium(),
            headless=True,
            args=["--no-sandbox", "--disable-gpu"],
        )
        page = chromium.new_page()
        page.offsite = []
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))

        def off_site(route):
            page.offsite.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body=STAND_IN)

        page.route(lambda url: not url.startswith(live_server.url), off_site)
        yield page
        chromium.close()


@pytest.fixture
def hosted(interview_index):
    return InterviewPageFactory(
        parent=interview_index,
        video_url=f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        transcript=TRANSCRIPT,
    ).url


@pytest.fixture
def uploaded(interview_index):
    video = DocumentFactory(file__filename="talk.mp4", file__data=b"\x00" * 4096)
    return InterviewPageFactory(
        parent=interview_index, video_url="", video_file=video, transcript=TRANSCRIPT
    ).url


def follow_moment(page, time):
    """Follow a moment link from the keyboard, as a keyboard or screen reader user does."""
    page.get_by_role("link", name=f"Play from {time}").focus()
    page.keyboard.press("Enter")


def test_a_moment_of_a_hosted_video_starts_the_embed_there(live_server, hosted, browser):
    page = browser
    page.goto(live_server.url + hosted)
    page.wait_for_load_state("networkidle")
    assert page.offsite == []

    follow_moment(page, "3:05")

    frame = page.locator(".video__frame iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == f"{EMBED}?autoplay=1&rel=0&start=185"
    assert frame.get_attribute("title")
    assert page.locator("[data-video-facade]").count() == 0
    # The visitor stays on the page: the only request off the site is the embed they asked for.
    assert page.url == live_server.url + hosted
    page.frame_locator(".video__frame iframe").get_by_text("Video stand-in").wait_for()
    assert page.offsite == [frame.get_attribute("src")]

    follow_moment(page, "0:12")
    page.wait_for_function(
        "() => document.querySelector('.video__frame iframe').src.endsWith('start=12')"
    )
    assert page.locator(".video__frame iframe").count() == 1
    assert page.errors == []


def test_a_moment_of_an_uploaded_video_seeks_the_player(live_server, uploaded, browser):
    page = browser
    page.goto(live_server.url + uploaded)

    follow_moment(page, "3:05")

    # The link is followed on the page, not to the file: the player is asked for that moment.
    assert page.url == live_server.url + uploaded
    assert page.evaluate("() => document.querySelector('video').currentTime") == 185
    assert page.offsite == []
