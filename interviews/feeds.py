"""RSS and Atom feeds of 'Learning from leaders'."""

from core.feeds import AtomFeedMixin, PageFeed, newest
from interviews.models import InterviewIndexPage, InterviewPage


class InterviewsFeed(PageFeed):
    """The newest interviews, each under the leader's name."""

    index_model = InterviewIndexPage

    def section_title(self, obj):
        return "Learning from leaders"

    def items(self, obj):
        return newest(InterviewPage.objects.select_related("leader"))

    def item_author_name(self, item):
        return item.leader.full_name if item.leader else super().item_author_name(item)


class InterviewsAtomFeed(AtomFeedMixin, InterviewsFeed):
    pass
