"""'Learning from leaders': the index, an interview's page, its video and its transcript."""

import pytest
from django.utils.html import escape

from core.factories import DocumentFactory, ImageFactory
from interviews.factories import InterviewPageFactory
from people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def shows(response, text):
    return escape(text).encode() in response.content


@pytest.fixture
def glasby():
    return PersonFactory(
        honorific="Professor",
        name="Jon Glasby",
        role="Head of School of Social Policy",
        organisation="University of Birmingham",
    )


def test_interview_page_shows_the_leader_question_and_transcript(client, interview_index, glasby):
    page = InterviewPageFactory(
        parent=interview_index,
        title="Learning from leaders: What does leadership look like in a health and social "
        "care setting?",
        question="What does leadership look like in a health and social care setting?",
        leader=glasby,
        summary="Professor Jon Glasby discusses working across systems.",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        transcript=[
            {
                "type": "paragraph",
                "value": {"start": "0:05", "speaker": "Jon Glasby", "text": "Systems matter."},
            }
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "interviews/interview_page.html"
    for text in [
        page.title,
        "Professor Jon Glasby",
        "Head of School of Social Policy, University of Birmingham",
        "Professor Jon Glasby discusses working across systems.",
        "Systems matter.",
    ]:
        assert shows(response, text), text


def test_a_hosted_video_is_not_loaded_until_asked_for(client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )

    response = client.get(page.url)

    # The embed address waits in a data attribute; no frame is in the page as served.
    assert b"<iframe" not in response.content
    assert b'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in (
        response.content
    )
    assert b'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in response.content


def test_an_uploaded_video_plays_from_the_site_with_captions(client, interview_index):
    video = DocumentFactory(title="Interview video", file__filename="interview.mp4")
    captions = DocumentFactory(title="Captions", file__filename="interview.vtt")
    page = InterviewPageFactory(
        parent=interview_index, video_url="", video_file=video, captions_file=captions
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert f'src="{video.url}"'.encode() in response.content
    assert f'src="{captions.url}"'.encode() in response.content
    assert b"<track" in response.content


def test_no_video_and_no_transcript_are_said_plainly(client, interview_index):
    page = InterviewPageFactory(parent=interview_index, video_url="", transcript=[])

    response = client.get(page.url)

    assert response.status_code == 200
    assert b"Video coming soon" in response.content
    assert b"Transcript coming soon" in response.content


def test_index_lists_interviews_with_their_leaders(client, interview_index, glasby):
    InterviewPageFactory(
        parent=interview_index,
        title="Learning from leaders: leadership in primary care",
        leader=glasby,
    )

    response = client.get(interview_index.url)

    assert response.status_code == 200
    assert shows(response, "Learning from leaders: leadership in primary care")
    assert shows(response, "Professor Jon Glasby")


def test_an_unpublished_interview_is_not_listed(client, interview_index):
    InterviewPageFactory(parent=interview_index, title="Draft interview", live=False)

    response = client.get(interview_index.url)

    assert not shows(response, "Draft interview")


def make_interviews(index, count, focus_areas):
    for n in range(count):
        InterviewPageFactory(
            parent=index,
            leader=PersonFactory(with_photo=True),
            # Half show their own image, half fall back to the leader's photo.
            listing_image=ImageFactory() if n % 2 else None,
            focus_areas=focus_areas[:1],
        )


# Pinned: a listing that grows a query per item, or a new query per request, fails here first.
INDEX_QUERIES = 15


def test_index_query_count_does_not_grow(interview_index, focus_areas, count_queries):
    make_interviews(interview_index, 2, focus_areas)
    few = count_queries(interview_index.url)

    make_interviews(interview_index, 6, focus_areas)
    many = count_queries(interview_index.url)

    assert few == many == INDEX_QUERIES
