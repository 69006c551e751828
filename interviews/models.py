"""'Learning from leaders': video interviews with named leaders."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core import structured_data as ld
from core.api_fields import PersonField, focus_areas_field
from core.models import BasePage, ListingPage
from core.related import RelatedContentMixin
from core.seo import absolute_url, meta_description
from core.video import embed_url, is_supported, transcript_seconds
from focus_areas.fields import focus_areas_link
from interviews.filters import InterviewFilterSet


class TranscriptParagraphBlock(blocks.StructBlock):
    """One paragraph of a transcript, with who speaks and, if known, when in the video."""

    start = blocks.CharBlock(
        required=False,
        max_length=8,
        help_text="When it is spoken, as minutes:seconds (for example 3:05).",
    )
    speaker = blocks.CharBlock(
        required=False,
        max_length=100,
        help_text="Who is speaking, as they are named in the video, e.g. Interviewer.",
    )
    text = blocks.TextBlock(help_text="What they say, word for word.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("start") and transcript_seconds(value["start"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"start": forms.ValidationError("Use minutes:seconds, such as 3:05.")}
            )
        return value

    class Meta:
        icon = "openquote"
        template = "components/blocks/transcript_paragraph_block.html"


class InterviewIndexPage(ListingPage):
    """'Learning from leaders': lists the interviews."""

    template = "interviews/interview_index_page.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = ["interviews.InterviewPage"]
    max_count = 1
    filterset_class = InterviewFilterSet
    section_feeds = [("Learning from leaders", "feed_interviews")]

    def child_queryset(self):
        return super().child_queryset().order_by("-first_published_at", "path")


class InterviewPage(RelatedContentMixin, BasePage):
    """An interview with a leader: the question discussed, the video and its transcript."""

    listing_label = "Learning from leaders"
    serve_select_related = ("listing_image", "leader", "leader__photo")
    serve_prefetch = ("focus_areas",)

    template = "interviews/interview_page.html"
    parent_page_types = ["interviews.InterviewIndexPage"]
    subpage_types = []
    people_lookup = "leader"
    section_feeds = InterviewIndexPage.section_feeds
    related_heading = "Learning from leaders"

    # The leader and the question
    leader = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interviews",
        help_text=(
            "The leader interviewed. Someone not yet listed can be added from the chooser's "
            "'New person' tab."
        ),
    )
    question = models.CharField(max_length=255, help_text="The question the leader discusses.")

    # The video
    video_url = models.URLField(blank=True, help_text="A YouTube or Vimeo address.")
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or an uploaded MP4 or WebM file.",
    )
    captions_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Captions for the uploaded file, as a WebVTT (.vtt) file.",
    )
    video_description = models.CharField(
        max_length=255, blank=True, help_text="A one-line description shown with the video."
    )
    transcript = StreamField(
        [("paragraph", TranscriptParagraphBlock())],
        blank=True,
        help_text="Everything said in the video, a paragraph per turn, with who is speaking.",
    )

    # Relationships
    focus_areas = focus_areas_link("interviews")

    content_panels = BasePage.content_panels + [
        FieldPanel("leader"),
        FieldPanel("question"),
        MultiFieldPanel(
            [
                FieldPanel("video_url"),
                FieldPanel("video_file"),
                FieldPanel("captions_file"),
                FieldPanel("video_description"),
            ],
            heading="Video",
        ),
        FieldPanel("transcript"),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("question"),
        index.SearchField("video_description"),
        index.SearchField("transcript"),
        index.RelatedFields(
            "leader", [index.SearchField("name"), index.SearchField("organisation")]
        ),
    ]
    api_fields = BasePage.api_fields + [
        APIField("question"),
        APIField("leader", serializer=PersonField()),
        APIField("video_url"),
        APIField("video_file"),
        APIField("captions_file"),
        APIField("video_description"),
        APIField("transcript"),
        focus_areas_field(),
    ]

    def clean(self):
        super().clean()
        if self.video_url and not is_supported(self.video_url):
            raise ValidationError({"video_url": "Give a YouTube or Vimeo video address."})

    # A card falls back to the leader's photo: its renditions must come in bulk too.
    card_select_related = ("leader",)
    card_image_paths = ("listing_image", "leader__photo")

    @property
    def own_image(self):
        """The listing image, else the leader's photo."""
        image = self.listing_image
        if image is None and self.leader is not None:
            image = self.leader.photo
        return image

    def get_structured_data(self, request):
        """A VideoObject when there is a video; otherwise the page is only text about a leader."""
        if not self.has_video:
            return None
        transcript = "\n\n".join(
            f"{block.value['speaker']}: {block.value['text']}"
            if block.value.get("speaker")
            else block.value["text"]
            for block in self.transcript
        )
        return {
            "@type": "VideoObject",
            "name": self.title,
            "description": self.video_description or meta_description(self) or self.question,
            "uploadDate": ld.date_time(self.first_published_at),
            "thumbnailUrl": [ld.image_url(self, request)],
            "embedUrl": self.video_embed_url if self.video_url else None,
            "contentUrl": absolute_url(request, self.video_file.url)
            if self.video_file_id
            else None,
            "transcript": transcript,
            "url": self.get_full_url(request),
            "actor": ld.person(request, self.leader),
            "publisher": ld.organisation(request),
            "about": ld.about(self),
        }

    @property
    def has_video(self):
        return bool(self.video_url or self.video_file_id)

    @property
    def video_embed_url(self):
        return embed_url(self.video_url)

    @property
    def transcript_is_timed(self):
        return any(block.value.get("start") for block in self.transcript)
