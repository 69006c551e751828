"""The site's robots.txt."""

from django.urls import path

from core.seo import robots_txt

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
]
