"""The publications' feeds and citation downloads (the pages themselves are served by Wagtail)."""

from django.urls import path

from core.feeds import feed_urls
from publications.feeds import PublicationsAtomFeed, PublicationsFeed
from publications.views import citation_download

urlpatterns = [
    path(
        "citations/<int:page_id>.<str:extension>",
        citation_download,
        name="publication_citation",
    ),
    *feed_urls("feeds/publications/", "feed_publications", PublicationsFeed, PublicationsAtomFeed),
]
