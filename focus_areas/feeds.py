"""RSS and Atom feeds of everything tagged with one focus area."""

import datetime

from django.http import Http404

from core.feeds import FEED_LENGTH, AtomFeedMixin, PageFeed, newest
from focus_areas.models import FocusAreaPage


class FocusAreaFeed(PageFeed):
    """The newest programmes, interviews, viewpoints and publications on one focus area."""

    def get_object(self, request, slug):
        area = FocusAreaPage.objects.live().public().filter(slug=slug).first()
        if area is None:
            raise Http404("No such focus area")
        return area

    def section_title(self, obj):
        return obj.title

    def items(self, obj):
        # The newest of each type, then the newest of those: a fixed number of queries.
        pages = []
        for related_name, _heading, _noun in FocusAreaPage.RELATED_SECTIONS:
            related = getattr(obj, related_name)
            pages += newest(related.model.for_cards(related.all()))
        never = datetime.datetime.min.replace(tzinfo=datetime.UTC)
        pages.sort(key=lambda page: (page.first_published_at or never, page.pk), reverse=True)
        return pages[:FEED_LENGTH]


class FocusAreaAtomFeed(AtomFeedMixin, FocusAreaFeed):
    pass
