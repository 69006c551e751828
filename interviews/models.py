"""'Learning from leaders': video interviews with named leaders, and the people in them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import structured_data as ld
from core.api_fields import PersonField, focus_areas_field
from core.models import BasePage, ListingPage, card_images
from core.related import RelatedContentMixin
from core.seo import absolute_url, meta_description, unique_slug
from core.video import embed_url, is_supported, transcript_seconds


@register_snippet
class Person(index.Indexed, models.Model):
    """A leader interviewed, an author, or anyone else the site names."""

    name = models.CharField(max_length=255)
    honorific = models.CharField(max_length=50, blank=True, help_text="For example 'Professor'.")
    role = models.CharField(max_length=255, blank=True)
    organisation = models.CharField(max_length=255, blank=True)
    photo = models.ForeignKey(
        "images.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    slug = models.SlugField(
        max_length=255,
        unique=True,
        blank=True,
        help_text="The end of their page's address, /people/<slug>/. Made from the name if empty.",
    )

    panels = [
        FieldPanel("honorific"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("slug"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Person, self.name, self.pk, fallback="person")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}".strip()

    @property
    def role_and_organisation(self):
        return ", ".join(part for part in (self.role, self.organisation) if part)


class TranscriptParagraphBlock(blocks.StructBlock):
    """One paragraph of a transcript, with who speaks and, if known, when in the video."""

    start = blocks.CharBlock(
        required=False,
        max_length=8,
        help_text="When it is spoken, as minutes:seconds (for example 3:05).",
    )
    speaker = blocks.CharBlock(required=False, max_length=100)
    text = blocks.TextBlock()

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
    section_feeds = [("Learning from leaders", "feed_interviews")]

    def child_queryset(self):
        return super().child_queryset().order_by("-first_published_at", "path")


class InterviewPage(RelatedContentMixin, BasePage):
    """An interview with a leader: the question discussed, the video and its transcript."""

    listing_label = "Learning from leaders"

    template = "interviews/interview_page.html"
    parent_page_types = ["interviews.InterviewIndexPage"]
    subpage_types = []
    people_lookup = "leader"
    section_feeds = InterviewIndexPage.section_feeds
    related_heading = "Learning from leaders"

    # The leader and the question
    leader = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="interviews"
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
    transcript = StreamField([("paragraph", TranscriptParagraphBlock())], blank=True)

    # Relationships
    focus_areas = ParentalManyToManyField(
        "focus_areas.FocusAreaPage", blank=True, related_name="interviews"
    )

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

    @classmethod
    def for_cards(cls, queryset):
        # A card falls back to the leader's photo: its renditions must come in bulk too.
        return (
            super()
            .for_cards(queryset)
            .select_related("leader")
            .prefetch_related(Prefetch("leader__photo", queryset=card_images()))
        )

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
