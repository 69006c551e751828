"""The browser tests' addresses: the site's own, with uploads served as a web server in front of
the site would serve them (Django serves media itself only when DEBUG is on)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
