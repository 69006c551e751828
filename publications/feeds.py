"""RSS and Atom feeds of the publications: an embargoed one is announced without its file."""

from django.utils.feedgenerator import Enclosure

from core.feeds import AtomFeedMixin, PageFeed, newest
from core.seo import absolute_url
from publications.models import PublicationIndexPage, PublicationPage


class PublicationsFeed(PageFeed):
    """The newest publications, with the document attached when it may be downloaded."""

    index_model = PublicationIndexPage

    def section_title(self, obj):
        return "Publications"

    def items(self, obj):
        queryset = PublicationPage.for_cards(PublicationPage.objects.select_related("document"))
        return newest(queryset)

    def item_description(self, item):
        description = super().item_description(item)
        if item.embargo_active:
            until = f" until {item.embargo_end:%-d %B %Y}" if item.embargo_end else ""
            return f"Embargoed{until}. {description}".strip()
        return description

    def item_author_name(self, item):
        return ", ".join(item.author_names) or super().item_author_name(item)

    def item_enclosures(self, item):
        if not item.document_is_downloadable:
            return []
        document = item.document
        return [
            Enclosure(
                url=absolute_url(self.request, document.url),
                length=str(document.get_file_size() or 0),
                mime_type=document.content_type,
            )
        ]


class PublicationsAtomFeed(AtomFeedMixin, PublicationsFeed):
    pass
