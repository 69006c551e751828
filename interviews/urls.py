"""The interviews' feeds (the pages themselves are served by Wagtail)."""

from core.feeds import feed_urls
from interviews.feeds import InterviewsAtomFeed, InterviewsFeed

urlpatterns = feed_urls("feeds/interviews/", "feed_interviews", InterviewsFeed, InterviewsAtomFeed)
