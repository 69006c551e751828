"""The viewpoints' feeds (the pages themselves are served by Wagtail)."""

from core.feeds import feed_urls
from viewpoints.feeds import ViewpointsAtomFeed, ViewpointsFeed

urlpatterns = feed_urls("feeds/viewpoints/", "feed_viewpoints", ViewpointsFeed, ViewpointsAtomFeed)
