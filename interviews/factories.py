"""Factories for 'Learning from leaders': the interviews and their index."""

import factory

from core.factories import (
    BasePageFactory,
    child_of_home,
    fake,
    home_page,
    paragraph,
    rich_text,
    sentence,
)
from interviews.models import InterviewIndexPage, InterviewPage
from people.factories import PersonFactory


def transcript_stream(paragraphs=3, speaker=None, sentences=3):
    """A timed transcript in Wagtail's JSON form: interviewer and leader taking turns."""
    speakers = ["Interviewer", speaker or fake.name()]
    return [
        {
            "type": "paragraph",
            "value": {
                "start": f"{minute}:{(minute * 17) % 60:02d}",
                "speaker": speakers[minute % 2],
                "text": paragraph(sentences),
            },
        }
        for minute in range(paragraphs)
    ]


SETTINGS = [
    "a health and social care setting",
    "a primary care setting",
    "a local council",
    "an integrated care system",
]


def youtube_url():
    return f"https://www.youtube.com/watch?v={fake.pystr(min_chars=11, max_chars=11)}"


class InterviewIndexPageFactory(BasePageFactory):
    """The 'Learning from leaders' index under the home page."""

    class Meta:
        model = InterviewIndexPage

    title = "Learning from leaders"
    slug = "learning-from-leaders"
    parent = factory.LazyFunction(home_page)
    introduction = factory.LazyFunction(lambda: rich_text(1))


class InterviewPageFactory(BasePageFactory):
    """An interview with a YouTube video and a timed transcript.

    `video_url=""` gives an interview without a video, `transcript=[]` one without a transcript.
    """

    class Meta:
        model = InterviewPage

    parent = factory.LazyFunction(child_of_home(InterviewIndexPage, InterviewIndexPageFactory))
    title = factory.LazyAttribute(lambda o: f"Learning from leaders: {o.question}")
    leader = factory.SubFactory(PersonFactory)
    question = factory.LazyFunction(
        lambda: f"What does leadership look like in {fake.word(ext_word_list=SETTINGS)}?"
    )
    video_url = factory.LazyFunction(youtube_url)
    video_description = factory.LazyFunction(lambda: sentence(12))
    transcript = factory.LazyFunction(transcript_stream)
    focus_areas = factory.LazyFunction(list)
