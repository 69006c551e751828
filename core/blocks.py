"""StreamField blocks shared by every page type."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks, hooks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from core.video import is_supported


class HeadingBlock(blocks.CharBlock):
    """A section heading that appears in the page outline."""

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        form_classname = "title"


class QuoteBlock(blocks.StructBlock):
    """A quotation, with who said it."""

    quote = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, help_text="Who said it, and their role, e.g. Jane Smith, chief executive."
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A short invitation to act, with one clear link to a page or an address."""

    heading = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or an address")
    link_text = blocks.CharBlock(
        max_length=80, help_text="Says where the link goes, e.g. See our programmes."
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or give an address, not both."
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action_block.html"


class VideoBlock(blocks.StructBlock):
    """A hosted video (YouTube or Vimeo), loaded only when the visitor presses play."""

    url = blocks.URLBlock(help_text="The video's address on YouTube or Vimeo.")
    title = blocks.CharBlock(help_text="What the video is, for people using screen readers.")
    transcript_page = blocks.PageChooserBlock(
        required=False, help_text="A page with the video's transcript."
    )

    def clean(self, value):
        value = super().clean(value)
        if not is_supported(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ErrorList([ValidationError("Give a YouTube or Vimeo video address.")])
                }
            )
        return value

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, with its type and size."""

    document = DocumentChooserBlock()
    link_text = blocks.CharBlock(required=False, help_text="Defaults to the document's title.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Apps that withhold documents (publications' embargo) say why, through this hook.
        document = value.get("document")
        notices = [notice(document) for notice in hooks.get_hooks("document_notice")]
        context["withheld"] = next((notice for notice in notices if notice), "") if document else ""
        return context

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link_block.html"


BODY_HELP = "Paragraphs, headings, images, quotes, videos and documents: add each as a block."


class BodyBlock(blocks.StreamBlock):
    """The main content of a page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="components/blocks/paragraph_block.html",
    )
    image = ImageBlock(template="components/blocks/image_block.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()


class FeaturedPagesBlock(blocks.StructBlock):
    """A home-page section showing pages that editors choose, in their order."""

    heading = blocks.CharBlock()
    introduction = blocks.TextBlock(required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), min_num=1)
    more_page = blocks.PageChooserBlock(required=False, help_text="A 'see all' link.")
    more_text = blocks.CharBlock(required=False, max_length=80)

    class Meta:
        icon = "pick"
        template = "components/blocks/featured_pages_block.html"


class FeaturedInterviewsBlock(FeaturedPagesBlock):
    """A home-page section of chosen leader interviews: the chooser opens at the interviews."""

    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="interviews.InterviewPage"),
        min_num=1,
        help_text="The interviews to show, in this order.",
    )
    more_page = blocks.PageChooserBlock(
        page_type="interviews.InterviewIndexPage",
        required=False,
        help_text="A 'see all' link to the interviews.",
    )

    class Meta:
        icon = "media"
        label = "Featured interviews"


class LatestPagesBlock(blocks.StructBlock):
    """A home-page section listing the newest pages under an index, such as viewpoints."""

    heading = blocks.CharBlock()
    introduction = blocks.TextBlock(required=False)
    index = blocks.PageChooserBlock(help_text="The pages listed are this page's children.")
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12)
    empty_text = blocks.CharBlock(
        required=False, help_text="Shown when there is nothing to list yet."
    )
    more_text = blocks.CharBlock(required=False, max_length=80)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        index = value.get("index")
        context["items"] = index.specific.latest_children(value["count"]) if index else []
        return context

    class Meta:
        icon = "list-ul"
        template = "components/blocks/latest_pages_block.html"


class HomeSectionBlock(blocks.StreamBlock):
    """The sections of the home page, in the order editors choose."""

    featured_pages = FeaturedPagesBlock()
    featured_interviews = FeaturedInterviewsBlock()
    latest_pages = LatestPagesBlock()
    call_to_action = CallToActionBlock()
    paragraph = blocks.RichTextBlock(template="components/blocks/paragraph_block.html")
