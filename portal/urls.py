"""Every address of the site: Wagtail's, the API, then each app's own urls.py, then the pages."""

from pathlib import Path

from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from people.sitemaps import PartnersSitemap, PeopleSitemap
from portal.api import api_router
from publications.views import serve_document

# Wagtail's folders in MEDIA_ROOT for original images and their renditions.
IMAGE_FOLDERS = ("original_images", "images")
SITEMAPS = {"pages": Sitemap, "people": PeopleSitemap, "partners": PartnersSitemap}
# The sitemap changes when pages are published: crawlers may keep it as long as a page.
public = cache_control(public=True, max_age=settings.PAGE_CACHE_SECONDS)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    # Wagtail's document view, with cache headers that keep restricted files out of shared caches.
    re_path(r"^documents/(\d+)/(.*)$", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", public(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("search.urls")),
    path("", include("people.urls")),
    path("", include("core.urls")),
    path("", include("focus_areas.urls")),
    path("", include("interviews.urls")),
    path("", include("viewpoints.urls")),
    path("", include("publications.urls")),
    path("", include("programmes.urls")),
]

if settings.DEBUG:
    # Development serves uploaded images only. Documents are never read from MEDIA_ROOT by
    # address: they go through /documents/, which applies embargoes and page privacy.
    for folder in IMAGE_FOLDERS:
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

urlpatterns += [path("", include(wagtail_urls))]
