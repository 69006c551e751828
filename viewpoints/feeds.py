"""RSS and Atom feeds of the viewpoints."""

from core.feeds import AtomFeedMixin, PageFeed, newest
from viewpoints.models import ViewpointIndexPage, ViewpointPage


class ViewpointsFeed(PageFeed):
    """The newest viewpoints, each with its author."""

    index_model = ViewpointIndexPage

    def section_title(self, obj):
        return "Viewpoints"

    def items(self, obj):
        return newest(ViewpointPage.for_cards(ViewpointPage.objects.all()))

    def item_author_name(self, item):
        return item.author_name


class ViewpointsAtomFeed(AtomFeedMixin, ViewpointsFeed):
    pass
