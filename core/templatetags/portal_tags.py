"""Template helpers for cards, pagination, videos and transcripts."""

from urllib.parse import parse_qsl, urlencode, urlparse, urlunparse

from django import template

from core.cards import load_cards
from core.seo import page_image
from core.video import embed_url, transcript_seconds, vimeo_id, youtube_id

register = template.Library()

_VIDEO_TYPES = {"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg"}


@register.filter
def card_label(page):
    """The content type shown above a card's title: 'Programme', 'Viewpoint', 'Report'..."""
    if hasattr(page, "get_kind_display") and getattr(page, "kind", ""):
        return page.get_kind_display()
    return getattr(page, "listing_label", "Page")


register.filter("card_image", page_image)


@register.simple_tag
def card_pages(pages):
    """Chosen pages as their own types, ready for cards, in the given order, in a fixed number
    of queries whatever their types (core/cards.py); those no longer live and public left out.
    """
    return load_cards(
        (page.specific_class, page.pk)
        for page in pages
        if page is not None and page.specific_class is not None
    )


@register.simple_tag(takes_context=True)
def page_query(context, number, kept=None):
    """The current query string with `page` set to `number`, keeping filters and the query.

    `kept` (a dict) is what to keep instead of the visitor's own query string, where a view
    has checked it and drops what it could not use (search).
    """
    request = context.get("request")
    if kept:
        params = [(k, v) for k, v in kept.items() if k != "page"]
    else:
        params = [(k, v) for k, v in request.GET.items() if k != "page"] if request else []
    # The first page needs no number, except where the view keeps the query itself: there a
    # link with a page number is a visitor moving through results, not a new search.
    if str(number) != "1" or kept:
        params.append(("page", str(number)))
    return "?" + urlencode(params) if params else "?"


@register.simple_tag
def page_range(items, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with the paginator's ellipsis between gaps."""
    return list(
        items.paginator.get_elided_page_range(
            items.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.filter
def video_embed_url(url):
    return embed_url(url) or ""


@register.filter
def video_host(url):
    """The name of the site a hosted video lives on, for link text."""
    if youtube_id(url):
        return "YouTube"
    if vimeo_id(url):
        return "Vimeo"
    return "the video's website"


@register.filter
def video_type(document):
    """The MIME type of an uploaded video, for the <source> element."""
    extension = (getattr(document, "file_extension", "") or "").lower()
    return _VIDEO_TYPES.get(extension, "")


register.filter("transcript_seconds", transcript_seconds)


@register.simple_tag
def moment_url(start, video_url="", video_file=None):
    """A link to the moment a transcript paragraph is spoken, or '' when there is none.

    An uploaded file is addressed with a media fragment; a hosted video by its own
    start-time parameter, on the host's page, since the embed loads only on request.
    """
    seconds = transcript_seconds(start) if start else None
    if seconds is None:
        return ""
    if video_file:
        return f"{video_file.url}#t={seconds}"
    if youtube_id(video_url):
        parts = urlparse(video_url)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "t"] + [("t", str(seconds))]
        return urlunparse(parts._replace(query=urlencode(query), fragment=""))
    if vimeo_id(video_url):
        return urlunparse(urlparse(video_url)._replace(fragment=f"t={seconds}s"))
    return ""


@register.filter
def in_section(path, url):
    """Whether `path` is inside the menu item at `url` (the home page contains every page)."""
    return bool(url) and url != "/" and str(path).startswith(url)
