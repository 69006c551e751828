"""What search engines and social sites read about the site: addresses, descriptions, share
images and robots.txt."""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from core.site_settings import SiteSettings

logger = logging.getLogger(__name__)

# Open Graph and Twitter cards show 1.91:1 images; JPEG is read by every service.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
DEFAULT_SHARE_IMAGE = {
    "path": "img/share-default.png",
    "width": 1200,
    "height": 630,
    "alt": "Systems Leadership: Centre for Health and Social Care Leadership",
}


def site_for(request):
    """The Wagtail Site serving `request`, else the default one."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def site_name(request):
    site = site_for(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def absolute_url(request, url):
    """`url` with the scheme and host of the site serving `request`."""
    if not url or url.startswith(("http://", "https://")):
        return url
    site = site_for(request)
    if site is not None:
        return site.root_url + url
    return request.build_absolute_uri(url)


def meta_description(page):
    """The editor's search description, else the page's summary, on one line."""
    text = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
    return " ".join(text.split())


def canonical_url(page, request, page_number=None):
    """The page's one address: from the Site, without filters; later pages of a listing keep
    their page number, since each holds different items."""
    url = page.get_full_url(request)
    if url and page_number and page_number > 1:
        url += f"?page={page_number}"
    return url


def page_image(page):
    """The page's own picture (each page type says which: `own_image`), for cards and sharing."""
    return getattr(page, "own_image", None)


def share_image(page, request):
    """{url, width, height, alt} of the image shown when `page` (or any view) is shared.

    The page's own picture, else the site's default from its settings, else the static one.
    An image whose file is missing falls through to the next rather than break the page.
    """
    candidates = [page_image(page)] if page is not None else []
    if request is not None:
        # Read once per request: the footer reads the same settings.
        candidates.append(SiteSettings.for_request(request).share_image)
    for image in candidates:
        if image is None:
            continue
        try:
            rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        except Exception:  # noqa: BLE001 - a broken upload must not take the page down
            logger.warning("No share image from image %s", image.pk, exc_info=True)
            continue
        return {
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(image, "default_alt_text", "") or "",
        }
    return {
        "url": absolute_url(request, static(DEFAULT_SHARE_IMAGE["path"])),
        "width": DEFAULT_SHARE_IMAGE["width"],
        "height": DEFAULT_SHARE_IMAGE["height"],
        "alt": DEFAULT_SHARE_IMAGE["alt"],
    }


def unique_slug(model, text, pk=None, fallback="item"):
    """A slug for `text` that no other row of `model` has: 'jon-glasby', then 'jon-glasby-2'."""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or fallback
    others = model.objects.exclude(pk=pk) if pk else model.objects.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def robots_txt(request):
    """Crawlers may read every public page, but not the admin or search results."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
