"""An interview as accessible video: nothing plays by itself, captions, a timed transcript."""

import re

import pytest
from django.core.management import call_command

from core.factories import DocumentFactory
from interviews.factories import InterviewPageFactory
from tests.search.html import parse as parse_html

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
VTT = b"WEBVTT\n\n00:00.000 --> 00:04.000\nWhat does leadership look like?\n"


def parse(response):
    """The page as a tree of elements."""
    return parse_html(response.content)


def transcript(*paragraphs):
    return [
        {"type": "paragraph", "value": {"start": start, "speaker": speaker, "text": text}}
        for start, speaker, text in paragraphs
    ]


TIMED = transcript(
    ("0:00", "Interviewer", "What does leadership look like?"),
    ("3:05", "Jon Glasby", "Working with the whole system, not one organisation."),
    ("", "", "An untimed closing remark."),
    ("1:02:03", "Jon Glasby", "A last word, an hour in."),
)


@pytest.fixture
def uploaded(interview_index):
    video = DocumentFactory(file__filename="glasby.mp4", file__data=b"\x00\x00\x00\x18ftypmp42")
    captions = DocumentFactory(file__filename="glasby.vtt", file__data=VTT)
    page = InterviewPageFactory(
        parent=interview_index,
        title="Leadership in health and social care",
        video_url="",
        video_file=video,
        captions_file=captions,
        transcript=TIMED,
    )
    return page


def paragraphs(html):
    return [div for div in html.find_all("div") if "transcript__paragraph" in div.classes]


@pytest.mark.parametrize("kind", ["hosted", "uploaded"])
def test_each_timed_paragraph_has_an_anchor_and_a_moment_link(client, interview_index, kind):
    if kind == "hosted":
        page = InterviewPageFactory(parent=interview_index, video_url=YOUTUBE, transcript=TIMED)
    else:
        video = DocumentFactory(file__filename="talk.mp4")
        page = InterviewPageFactory(
            parent=interview_index, video_url="", video_file=video, transcript=TIMED
        )

    html = parse(client.get(page.url))

    found = [(div.get("id"), [a.get("data-video-seek") for a in div.find_all("a")])
             for div in paragraphs(html)]  # fmt: skip
    assert found == [
        ("transcript-0", ["0"]),
        ("transcript-185", ["185"]),
        (None, []),
        ("transcript-3723", ["3723"]),
    ]
    links = [a for div in paragraphs(html) for a in div.find_all("a")]
    # Named for screen readers: "Play from 3:05".
    names = [(a.find("span").text, a.children[-1].strip()) for a in links]
    assert names == [("Play from", "0:00"), ("Play from", "3:05"), ("Play from", "1:02:03")]


def test_moment_links_without_javascript_open_the_same_moment(client, uploaded):
    html = parse(client.get(uploaded.url))

    hrefs = [a["href"] for div in paragraphs(html) for a in div.find_all("a")]

    video_url = uploaded.video_file.url
    assert hrefs == [f"{video_url}#t=0", f"{video_url}#t=185", f"{video_url}#t=3723"]


def test_a_search_result_moment_lands_on_its_paragraph(client, uploaded):
    call_command("update_index", verbosity=0)

    results = parse(client.get("/search/", {"q": "whole system organisation"}))
    moment = next(a for a in results.find_all("a") if "search-result__moment" in a.classes)

    path, anchor = moment["href"].split("#")
    assert path == uploaded.url
    page = parse(client.get(path))
    target = page.find("div", id=anchor)
    assert target is not None
    assert "Working with the whole system" in target.text


def test_the_transcript_is_under_the_video_open_without_javascript(client, uploaded):
    body = client.get(uploaded.url).content.decode()
    html = parse(client.get(uploaded.url))

    assert body.index("<video") < body.index('class="transcript__details"')
    details = html.find("details")
    assert "open" in details.attrs
    assert details.find("summary").text == "Show or hide the transcript"
    assert "A last word, an hour in." in details.text


def test_nothing_plays_by_itself(client, interview_index, uploaded):
    hosted = InterviewPageFactory(parent=interview_index, video_url=YOUTUBE)

    for page in (uploaded, hosted):
        body = client.get(page.url).content.decode()
        html = parse(client.get(page.url))
        assert not [e for e in html.iter() if "autoplay" in e.attrs], page.url
        assert html.find_all("iframe") == []
        # The embed address (which starts the video once loaded) waits for a press of "Play".
        assert not re.search(r'\ssrc="https://www\.youtube', body)
    assert parse(client.get(uploaded.url)).find("video")["preload"] == "none"


def test_the_facade_will_load_a_titled_privacy_enhanced_embed(client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index, title="Leading across a place", video_url=YOUTUBE
    )

    html = parse(client.get(page.url))
    facade = next(div for div in html.find_all("div") if "data-video-facade" in div.attrs)

    assert facade["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/")
    assert facade["data-video-title"] == "Leading across a place"


def test_uploaded_video_has_english_captions_served_as_webvtt(client, uploaded):
    track = parse(client.get(uploaded.url)).find("track")

    assert (track["kind"], track["srclang"], track["label"]) == ("captions", "en", "English")
    response = client.get(track["src"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt"
    assert b"".join(response.streaming_content) == VTT


def test_captions_of_an_unpublished_interview_are_not_served(client, uploaded):
    uploaded.unpublish()

    assert client.get(uploaded.captions_file.url).status_code == 404
    assert client.get(uploaded.video_file.url).status_code == 404
