"""The head of every page: description, canonical address, feeds, share cards and JSON-LD."""

from django import template

from core import structured_data
from core.feeds import feed_links
from core.seo import canonical_url, meta_description, share_image, site_name

register = template.Library()


@register.inclusion_tag("components/seo.html", takes_context=True)
def seo_head(context):
    """Tags for search engines, feed readers and social sites.

    A Wagtail page describes itself; a plain view (a person, a partner) gives `seo_title`,
    `meta_description`, `canonical_url` and `structured_data` in its context instead. Views
    that give neither (search results, errors) get nothing: they are not for indexing.
    """
    request = context.get("request")
    page = context.get("page")
    if not hasattr(page, "get_full_url"):
        # Some views use `page` for a page of results, not a Wagtail page.
        page = None
    if request is None or not (page is not None or context.get("seo_title")):
        return {"enabled": False}
    if page is not None:
        items = context.get("items")
        number = getattr(items, "number", None)
        return {
            "enabled": True,
            "title": page.seo_title or page.title,
            "description": meta_description(page),
            "canonical": context.get("canonical_url") or canonical_url(page, request, number),
            "og_type": getattr(page, "og_type", "website"),
            "site_name": site_name(request),
            "image": share_image(page, request),
            "feeds": feed_links(page, request),
            "structured_data": structured_data.render(structured_data.for_page(page, request)),
        }
    return {
        "enabled": True,
        "title": context["seo_title"],
        "description": context.get("meta_description", ""),
        "canonical": context.get("canonical_url", ""),
        "og_type": "website",
        "site_name": site_name(request),
        "image": share_image(None, request),
        "feeds": [],
        "structured_data": structured_data.render(context.get("structured_data", [])),
    }
