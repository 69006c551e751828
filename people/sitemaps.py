"""Sitemap sections beyond Wagtail's pages: the people and partners that pages name."""

from wagtail.contrib.sitemaps import Sitemap

from core.related import linked_ids
from core.seo import absolute_url
from people.models import Partner, Person


class LinkedSitemap(Sitemap):
    """People (or partners) with a page of their own: those a live, public page links to."""

    model = None

    def items(self):
        ids = linked_ids(self.model.lookup_attribute)
        return self.model.objects.filter(pk__in=ids).order_by("pk")

    def _urls(self, page, protocol, domain):
        # Absolute from the Site, like the pages' own entries.
        return [
            {"item": obj, "location": absolute_url(self.request, obj.get_absolute_url())}
            for obj in self.paginator.page(page).object_list
        ]


class PeopleSitemap(LinkedSitemap):
    model = Person


class PartnersSitemap(LinkedSitemap):
    model = Partner
