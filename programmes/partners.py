"""Pages for partner organisations: every programme run with them."""

from core.linked import detail_view, listing_view
from core.sitemaps import LinkedSitemap
from programmes.models import Partner


def describe(request, partner, url):
    return {
        "@type": "Organization",
        "name": partner.name,
        "url": url,
        "sameAs": [partner.url] if partner.url else [],
        "description": f"Programmes run with {partner.name}.",
    }


partner_index = listing_view(
    Partner,
    "partners_lookup",
    "programmes/partner_index.html",
    "Partners",
    "The organisations the centre runs programmes with.",
)
partner_detail = detail_view(
    Partner,
    "partners_lookup",
    "programmes/partner_page.html",
    "partner_index",
    "Partners",
    describe,
)


class PartnersSitemap(LinkedSitemap):
    model = Partner
    lookup_attribute = "partners_lookup"
