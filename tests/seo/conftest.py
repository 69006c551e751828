import json
import re

import pytest

from tests.frontend.html import parse

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def ld_json(response):
    """Every JSON-LD object in the page, parsed as a consumer would."""
    return [json.loads(block) for block in LD_JSON.findall(response.content.decode())]


def of_type(objects, type_name):
    found = [obj for obj in objects if obj.get("@type") == type_name]
    assert len(found) == 1, [obj.get("@type") for obj in objects]
    return found[0]


def meta(response):
    """{name or property: content} of the page's <meta> tags (the last of repeated names)."""
    html = parse(response)
    tags = {}
    for element in html.find_all("meta"):
        key = element.get("name") or element.get("property")
        if key:
            tags[key] = element.get("content")
    return tags


def link_href(response, rel):
    element = parse(response).find("link", rel=rel)
    return element.get("href") if element is not None else None


@pytest.fixture
def public_site(home):
    """The default Site at its public address: absolute links come from it, not the request."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname = "leadership.example.ac.uk"
    site.port = 443
    site.site_name = "Systems Leadership"
    site.save()
    return site


SITE_ROOT = "https://leadership.example.ac.uk"
