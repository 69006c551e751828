"""RSS 2.0 and Atom feeds of pages, and the `<link rel="alternate">` tags that announce them.

Each content app defines its feeds (viewpoints/feeds.py, ...) on `PageFeed` and routes them in
its urls.py; each page type says which feeds it announces (`section_feeds`, `get_feeds()`), and
`feed_links()` turns those into links for its head.
"""

import copy
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import NoReverseMatch, path, reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.views.decorators.cache import cache_control

from core.seo import absolute_url, meta_description, site_for, site_name

FEED_LENGTH = 20

FORMATS = (("rss", "RSS", "application/rss+xml"), ("atom", "Atom", "application/atom+xml"))

# Characters XML 1.0 cannot hold, even escaped: an editor may paste one in a title or summary.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value):
    """`value` (a string, or a list or dict of them) without the characters XML cannot hold."""
    if isinstance(value, str):
        return XML_INVALID.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    return value


class XmlSafeFeedMixin:
    """A feed writer that drops XML-invalid characters rather than failing on them."""

    def write(self, outfile, encoding):
        self.feed = xml_safe(self.feed)
        self.items = [xml_safe(item) for item in self.items]
        super().write(outfile, encoding)


class SafeRssFeed(XmlSafeFeedMixin, Rss201rev2Feed):
    pass


class SafeAtomFeed(XmlSafeFeedMixin, Atom1Feed):
    pass


class PageFeed(Feed):
    """A feed of live, public pages, newest first, with absolute addresses from the Site."""

    feed_type = SafeRssFeed
    language = "en-gb"
    index_model = None

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: each request gets its own copy to keep `request` on.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    # Feed ------------------------------------------------------------------

    def section_title(self, obj):
        raise NotImplementedError

    def title(self, obj):
        return f"{self.section_title(obj)} | {site_name(self.request)}"

    def subtitle(self, obj):
        return self.description(obj)

    def description(self, obj):
        return meta_description(self.index_page(obj)) or self.section_title(obj)

    def index_page(self, obj):
        """The page the feed follows: its link, and the source of its description."""
        if obj is not None:
            return obj
        if self.index_model is None:
            return None
        return self.index_model.objects.live().public().first()

    def link(self, obj):
        page = self.index_page(obj)
        if page is not None:
            return page.get_full_url(self.request)
        site = site_for(self.request)
        return site.root_url + "/" if site else "/"

    def feed_url(self, obj):
        return absolute_url(self.request, self.request.path)

    def author_name(self, obj):
        return site_name(self.request)

    # Items -----------------------------------------------------------------

    def items(self, obj):
        raise NotImplementedError

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return meta_description(item)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return site_name(self.request)

    def item_categories(self, item):
        areas = getattr(item, "focus_areas", None)
        return [area.title for area in areas.all()] if areas is not None else []


class AtomFeedMixin:
    """The same feed as Atom 1.0."""

    feed_type = SafeAtomFeed


def newest(queryset, count=FEED_LENGTH):
    """Live, public pages of `queryset`, newest first, with their focus areas for categories."""
    return list(
        queryset.live()
        .public()
        .prefetch_related("focus_areas")
        .order_by("-first_published_at", "-pk")[:count]
    )


def feed_urls(route, name, rss, atom):
    """The RSS and Atom addresses of one feed, `<route>rss/` named `<name>_rss`, and Atom alike.

    Feeds change when pages are published: readers may keep them as long as a page.
    """
    public = cache_control(public=True, max_age=settings.PAGE_CACHE_SECONDS)
    return [
        path(f"{route}rss/", public(rss()), name=f"{name}_rss"),
        path(f"{route}atom/", public(atom()), name=f"{name}_atom"),
    ]


def feed_links(page, request):
    """[{title, type, href}] of the feeds `page` announces in its head."""
    links = []
    for title, url_name, kwargs in page.get_feeds() if hasattr(page, "get_feeds") else []:
        links += _links(request, title, url_name, **kwargs)
    return links


def _links(request, title, url_name, **kwargs):
    links = []
    for extension, format_name, content_type in FORMATS:
        try:
            href = reverse(f"{url_name}_{extension}", kwargs=kwargs or None)
        except NoReverseMatch:
            continue
        links.append(
            {
                "title": f"{title} ({format_name})",
                "type": content_type,
                "href": absolute_url(request, href),
            }
        )
    return links
