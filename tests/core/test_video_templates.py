"""The video component: nothing from a video host before play, files with captions, plain gaps."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from core.factories import StandardPageFactory
from interviews.factories import InterviewPageFactory
from tests.core.html import parse

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
VIMEO = "https://vimeo.com/76979871"
THIRD_PARTY = re.compile(r"youtube|youtu\.be|vimeo", re.IGNORECASE)


def document(name, data=b"\x00\x00\x00\x18ftypmp42"):
    doc = get_document_model()(title=name)
    doc.file.save(name, ContentFile(data), save=True)
    return doc


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return parse(response)


def third_party_references(html):
    """(tag, attribute) of every attribute that names a video host."""
    return [
        (element.tag, name)
        for element in html.elements
        for name, value in element.attrs.items()
        if value and THIRD_PARTY.search(value)
    ]


def test_hosted_video_is_a_facade_until_play(client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index, title="Leading across systems", video_url=YOUTUBE
    )
    html = render(client, page)

    facade = html.find("div", data_video_facade=True)
    assert facade is not None
    assert facade["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert facade["data-video-title"] == "Leading across systems"
    button = html.find("button", class_="video__play")
    assert button is not None and "hidden" in button.attrs
    assert "Play video: Leading across systems" in html.text
    # Nothing is fetched from the host: no frame, no script, no image or media from it.
    assert html.find_all("iframe") == []
    assert sorted(set(third_party_references(html))) == [("a", "href"), ("div", "data-embed-url")]
    # Without JavaScript, a plain link to the video on its host.
    link = html.find("a", href=YOUTUBE)
    assert link is not None
    assert "Watch Leading across systems on YouTube" in html.text


def test_vimeo_link_names_vimeo(client, interview_index):
    page = InterviewPageFactory(parent=interview_index, title="A Vimeo talk", video_url=VIMEO)
    html = render(client, page)
    assert html.find(
        "div", data_embed_url="https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"
    )
    assert "Watch A Vimeo talk on Vimeo" in html.text


def test_facade_poster_uses_listing_image_renditions(client, interview_index, image):
    page = InterviewPageFactory(parent=interview_index, video_url=YOUTUBE, listing_image=image)
    html = render(client, page)
    sources = html.find_all("source")
    assert {s["type"] for s in sources} == {"image/avif", "image/webp"}
    poster = html.find("img", alt="")
    assert poster["src"].startswith("/media/") or "/images/" in poster["src"]
    assert poster.get("width") and poster.get("height")


def test_facade_without_image_uses_the_static_poster(client, interview_index):
    page = InterviewPageFactory(parent=interview_index, video_url=YOUTUBE, leader=None)
    html = render(client, page)
    poster = html.find("img", src="/static/img/video-poster.svg")
    assert poster is not None and poster["alt"] == ""


def test_uploaded_video_plays_in_a_video_element_with_captions(client, interview_index):
    video = document("interview.mp4")
    captions = document("interview.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")
    page = InterviewPageFactory(
        parent=interview_index, video_url="", video_file=video, captions_file=captions
    )
    html = render(client, page)
    player = html.find("video")
    assert player is not None
    assert "controls" in player.attrs and player["preload"] == "none"
    assert "autoplay" not in player.attrs
    source = html.find("source", src=video.url)
    assert source is not None and source["type"] == "video/mp4"
    track = html.find("track")
    assert track["kind"] == "captions" and track["srclang"] == "en"
    assert track["label"] == "English" and "default" in track.attrs
    assert track["src"] == captions.url
    assert html.find("div", data_video_facade=True) is None


def test_uploaded_video_without_captions_has_no_track(client, interview_index):
    page = InterviewPageFactory(parent=interview_index, video_url="", video_file=document("a.webm"))
    html = render(client, page)
    assert html.find("source")["type"] == "video/webm"
    assert html.find("track") is None


def test_no_video_and_no_transcript_say_so(client, interview_index):
    page = InterviewPageFactory(parent=interview_index, video_url="", transcript=[])
    html = render(client, page)
    assert "Video coming soon" in html.text
    assert "Transcript coming soon" in html.text
    assert html.find("video") is None and html.find("div", data_video_facade=True) is None
    assert html.find("details") is None


def transcript(*paragraphs):
    return [
        {"type": "paragraph", "value": {"start": start, "speaker": speaker, "text": text}}
        for start, speaker, text in paragraphs
    ]


def test_transcript_is_readable_without_javascript_and_links_hosted_moments(
    client, interview_index
):
    page = InterviewPageFactory(
        parent=interview_index,
        video_url=YOUTUBE,
        transcript=transcript(
            ("0:00", "Interviewer", "What does leadership look like?"),
            ("3:05", "Jon Glasby", "It looks like working across systems."),
            ("", "", "An untimed closing remark."),
        ),
    )
    html = render(client, page)
    details = html.find("details")
    assert details is not None and "open" in details.attrs
    assert "It looks like working across systems." in html.text
    assert "An untimed closing remark." in html.text
    assert "Jon Glasby:" in html.text
    assert html.find("a", href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=185") is not None
    assert html.find("a", href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=0") is not None
    # Still no frame: the moment links go to the host, like the fallback link.
    assert html.find_all("iframe") == []


def test_transcript_of_vimeo_video_links_with_a_fragment(client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index, video_url=VIMEO, transcript=transcript(("1:02:03", "", "Late."))
    )
    html = render(client, page)
    assert html.find("a", href="https://vimeo.com/76979871#t=3723s") is not None


def test_transcript_of_uploaded_video_links_into_the_file(client, interview_index):
    video = document("talk.mp4")
    page = InterviewPageFactory(
        parent=interview_index,
        video_url="",
        video_file=video,
        transcript=transcript(("3:05", "", "Timed.")),
    )
    html = render(client, page)
    link = html.find("a", href=f"{video.url}#t=185")
    assert link is not None and link["data-video-seek"] == "185"


def test_video_block_uses_the_same_facade(client, home):
    page = StandardPageFactory(
        parent=home,
        body=[{"type": "video", "value": {"url": VIMEO, "title": "Systems in practice"}}],
    )
    html = render(client, page)
    assert html.find("div", data_video_facade=True)["data-video-title"] == "Systems in practice"
    assert "Play video: Systems in practice" in html.text
    assert html.find_all("iframe") == []
    assert sorted(set(third_party_references(html))) == [("a", "href"), ("div", "data-embed-url")]
