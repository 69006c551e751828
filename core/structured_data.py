"""schema.org JSON-LD, built as plain dicts.

`for_page(page, request)` gives the list of objects a page describes: what the page is
(an Organization, a Course, an Article, a Report, a VideoObject...), from the page type's own
`get_structured_data(request)`, and its BreadcrumbList. The helpers here are the shared pieces
those methods are built from.
`render(objects)` writes them as `<script type="application/ld+json">` data blocks: a data block
is never executed, so the strict Content-Security-Policy allows it, and `<`, `>` and `&` are
escaped so that no text in it can close the element.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from core.seo import absolute_url, meta_description, share_image, site_for, site_name
from core.site_settings import SiteSettings

CONTEXT = "https://schema.org"
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def render(objects):
    """Each object as its own ld+json data block, safe to put in HTML."""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((mark_safe(to_json(obj)),) for obj in objects),
    )


def to_json(obj):
    return json.dumps(obj, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)


def clean(obj):
    """`obj` without empty values, so no property claims something unknown."""
    if isinstance(obj, dict):
        cleaned = {key: clean(value) for key, value in obj.items()}
        return {key: value for key, value in cleaned.items() if value not in (None, "", [], {})}
    if isinstance(obj, list):
        return [clean(value) for value in obj if value not in (None, "", [], {})]
    return obj


# ---------------------------------------------------------------------------
# Shared pieces


def organisation(request, full=False):
    """The centre, as publisher or provider; in full (contact details, logo) on the home page."""
    site = site_for(request)
    data = {
        "@type": "Organization",
        "name": site_name(request),
        "url": site.root_url + "/" if site else "",
    }
    if full:
        settings = SiteSettings.for_request(request)
        data.update(
            {
                "email": settings.contact_email,
                "telephone": settings.contact_phone,
                "address": " ".join(settings.address.split()),
            }
        )
    return data


def person(request, person):
    if person is None:
        return None
    return {
        "@type": "Person",
        "name": person.full_name,
        "url": absolute_url(request, person.get_absolute_url()) if person.slug else "",
        "jobTitle": person.role,
        "affiliation": {"@type": "Organization", "name": person.organisation}
        if person.organisation
        else None,
    }


def image_url(page, request):
    return share_image(page, request)["url"]


def about(page):
    """The focus areas a page is tagged with, as the subjects it is about."""
    areas = getattr(page, "focus_areas", None)
    return [area.title for area in areas.all()] if areas is not None else []


def web_page_fields(page, request):
    return {
        "name": page.title,
        "description": meta_description(page),
        "url": page.get_full_url(request),
    }


def date_time(value):
    """An ISO 8601 date and time to the second, as search engines expect it."""
    return value.isoformat(timespec="seconds") if value else None


def date_only(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return value.isoformat() if value else None


def breadcrumb_list(page, request):
    """Home, then each live ancestor, then the page itself: the trail shown above the content."""
    return breadcrumbs(
        request,
        [
            ("Home" if item.depth == 2 else item.title, item.get_full_url(request))
            for item in page.breadcrumb_trail(request)
        ],
    )


def breadcrumbs(request, items):
    """A BreadcrumbList from [(name, absolute url)]."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def for_page(page, request):
    """Every JSON-LD object that describes `page`."""
    objects = []
    main = page.get_structured_data(request) if hasattr(page, "get_structured_data") else None
    if main:
        objects.append(main)
    objects.append(breadcrumb_list(page, request))
    return [with_context(obj) for obj in objects]


def with_context(obj):
    return clean({"@context": CONTEXT, **obj})
