"""The publications' feeds and citation downloads (the pages themselves are served by Wagtail)."""

from django.urls import path

from core.feeds import feed_urls
from publications import citations
from publications.feeds import PublicationsAtomFeed, PublicationsFeed

urlpatterns = [
    path(
        "citations/<int:page_id>.<str:extension>",
        citations.download,
        name="publication_citation",
    ),
    *feed_urls(
        "feeds/publications/", "feed_publications", PublicationsFeed, PublicationsAtomFeed
    ),
]
