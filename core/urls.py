"""Addresses for findability: sitemap, robots.txt, feeds, citations, people and partners."""

from django.conf import settings
from django.urls import path
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from core.seo import robots_txt
from focus_areas.feeds import FocusAreaAtomFeed, FocusAreaFeed
from interviews.feeds import InterviewsAtomFeed, InterviewsFeed
from interviews.people import PeopleSitemap, person_detail, person_index
from programmes.partners import PartnersSitemap, partner_detail, partner_index
from publications import citations
from publications.feeds import PublicationsAtomFeed, PublicationsFeed
from viewpoints.feeds import ViewpointsAtomFeed, ViewpointsFeed

# Feeds change when pages are published: readers may keep them as long as a page.
public = cache_control(public=True, max_age=settings.PAGE_CACHE_SECONDS)

FEEDS = [
    ("viewpoints", ViewpointsFeed, ViewpointsAtomFeed),
    ("publications", PublicationsFeed, PublicationsAtomFeed),
    ("interviews", InterviewsFeed, InterviewsAtomFeed),
]

SITEMAPS = {"pages": Sitemap, "people": PeopleSitemap, "partners": PartnersSitemap}

urlpatterns = [
    path("sitemap.xml", public(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("people/", person_index, name="person_index"),
    path("people/<slug:slug>/", person_detail, name="person"),
    path("partners/", partner_index, name="partner_index"),
    path("partners/<slug:slug>/", partner_detail, name="partner"),
    path(
        "citations/<int:page_id>.<str:extension>",
        citations.download,
        name="publication_citation",
    ),
    path("feeds/focus-areas/<slug:slug>/rss/", public(FocusAreaFeed()), name="feed_focus_area_rss"),
    path(
        "feeds/focus-areas/<slug:slug>/atom/",
        public(FocusAreaAtomFeed()),
        name="feed_focus_area_atom",
    ),
]
for name, rss, atom in FEEDS:
    urlpatterns += [
        path(f"feeds/{name}/rss/", public(rss()), name=f"feed_{name}_rss"),
        path(f"feeds/{name}/atom/", public(atom()), name=f"feed_{name}_atom"),
    ]
