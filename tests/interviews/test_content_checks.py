"""The Checks panel warns when an interview's video has no transcript or no captions."""

import pytest

from core.factories import DocumentFactory
from interviews.factories import InterviewPageFactory
from interviews.wagtail_hooks import NO_CAPTIONS, NO_TRANSCRIPT

from ..core.checks_panel import editor_warnings

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
TRANSCRIPT = [{"type": "paragraph", "value": {"start": "", "speaker": "", "text": "Words."}}]


def warnings_in_editor(client, page):
    """The content warnings shown when the page is opened for editing."""
    return editor_warnings(client, page)


def test_a_hosted_video_without_a_transcript(admin_client, interview_index):
    page = InterviewPageFactory(parent=interview_index, video_url=YOUTUBE, transcript=[])

    assert warnings_in_editor(admin_client, page) == [NO_TRANSCRIPT]


def test_an_uploaded_video_without_captions(admin_client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index,
        video_url="",
        video_file=DocumentFactory(file__filename="talk.mp4"),
        transcript=TRANSCRIPT,
    )

    assert warnings_in_editor(admin_client, page) == [NO_CAPTIONS]


def test_an_uploaded_video_without_either(admin_client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index,
        video_url="",
        video_file=DocumentFactory(file__filename="talk.mp4"),
        transcript=[],
    )

    assert warnings_in_editor(admin_client, page) == [NO_TRANSCRIPT, NO_CAPTIONS]


def test_a_complete_interview_has_no_warning(admin_client, interview_index):
    page = InterviewPageFactory(
        parent=interview_index,
        video_url="",
        video_file=DocumentFactory(file__filename="talk.mp4"),
        captions_file=DocumentFactory(file__filename="talk.vtt"),
        transcript=TRANSCRIPT,
    )

    assert warnings_in_editor(admin_client, page) == []


def test_no_video_no_warning(admin_client, interview_index):
    # The seed's interviews wait for their videos: nothing to caption or transcribe yet.
    page = InterviewPageFactory(parent=interview_index, video_url="", transcript=[])

    assert warnings_in_editor(admin_client, page) == []


def test_the_warning_follows_the_latest_draft(admin_client, interview_index):
    page = InterviewPageFactory(parent=interview_index, video_url=YOUTUBE, transcript=TRANSCRIPT)
    assert warnings_in_editor(admin_client, page) == []

    draft = page.get_latest_revision_as_object()
    draft.transcript = []
    draft.save_revision()

    assert warnings_in_editor(admin_client, page) == [NO_TRANSCRIPT]
