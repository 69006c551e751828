"""Interviews: transcript times, the video, and the people in them."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from core.factories import DocumentFactory
from interviews.factories import InterviewPageFactory
from interviews.models import InterviewPage, TranscriptParagraphBlock, transcript_seconds


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0:00", 0),
        ("3:05", 185),
        (" 3:05 ", 185),
        ("59:59", 3599),
        ("1:02:03", 3723),
        ("185", 185),
        ("0", 0),
        (185, 185),
    ],
)
def test_transcript_seconds_reads_times(value, expected):
    assert transcript_seconds(value) == expected


@pytest.mark.parametrize(
    "value",
    ["", "abc", "3:5x", "3:60", "1:60:00", "-1", "3:-05", "1:2:3:4", ":", "3:", "3.05", None],
)
def test_transcript_seconds_refuses_what_is_not_a_time(value):
    assert transcript_seconds(value) is None


def test_a_transcript_paragraph_with_a_bad_time_is_refused():
    block = TranscriptParagraphBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"start": "3:75", "speaker": "Jon Glasby", "text": "Yes."}))

    assert "start" in error.value.block_errors


@pytest.mark.parametrize("start", ["", "3:05", "1:02:03"])
def test_a_transcript_paragraph_with_a_good_or_no_time_is_accepted(start):
    block = TranscriptParagraphBlock()

    value = block.clean(block.to_python({"start": start, "speaker": "", "text": "Yes."}))

    assert value["text"] == "Yes."


@pytest.mark.django_db
class TestInterviewPage:
    def test_has_video_with_an_address(self):
        assert InterviewPage(question="Q?", video_url="https://youtu.be/dQw4w9WgXcQ").has_video

    def test_has_video_with_an_uploaded_file(self):
        assert InterviewPage(question="Q?", video_file=DocumentFactory()).has_video

    def test_has_no_video_without_either(self):
        assert not InterviewPage(question="Q?").has_video

    def test_video_embed_url_is_the_privacy_enhanced_address(self):
        page = InterviewPage(question="Q?", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")

        assert page.video_embed_url == (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
        )

    def test_video_embed_url_is_none_for_an_uploaded_file(self):
        assert InterviewPage(question="Q?", video_file=DocumentFactory()).video_embed_url is None

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.com/video.mp4",
            "https://www.dailymotion.com/video/x7tgad0",
            "https://www.youtube.com/watch?v=x",
        ],
    )
    def test_clean_refuses_unsupported_video_addresses(self, url):
        page = InterviewPage(title="Interview", slug="interview", question="Q?", video_url=url)

        with pytest.raises(ValidationError) as error:
            page.clean()

        assert "video_url" in error.value.message_dict

    @pytest.mark.parametrize(
        "url", ["", "https://vimeo.com/76979871", "https://youtu.be/dQw4w9WgXcQ"]
    )
    def test_clean_accepts_supported_or_no_address(self, url):
        InterviewPage(title="Interview", slug="interview", question="Q?", video_url=url).clean()

    def test_a_transcript_is_timed_when_a_paragraph_has_a_time(self, interview_index):
        timed = InterviewPageFactory(parent=interview_index)
        untimed = InterviewPageFactory(
            parent=interview_index,
            transcript=[{"type": "paragraph", "value": {"start": "", "speaker": "", "text": "Hi"}}],
        )

        assert timed.transcript_is_timed
        assert not untimed.transcript_is_timed
