"""The feeds of each focus area (the pages themselves are served by Wagtail)."""

from core.feeds import feed_urls
from focus_areas.feeds import FocusAreaAtomFeed, FocusAreaFeed

urlpatterns = feed_urls(
    "feeds/focus-areas/<slug:slug>/", "feed_focus_area", FocusAreaFeed, FocusAreaAtomFeed
)
