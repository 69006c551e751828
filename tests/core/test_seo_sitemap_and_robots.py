"""sitemap.xml lists every public page, and the people and partners they name, and nothing
else; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction

from core.factories import StandardPageFactory
from devdata.seed.loader import load_seed
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory
from people.models import Partner, Person
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory
from tests.core.html import SITE_ROOT

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)], response.content.decode()


def test_sitemap_lists_every_public_page_of_the_seed(client):
    load_seed()

    locations, _ = sitemap_locations(client)

    public = Page.objects.live().public().filter(depth__gt=1)
    people = [f"http://localhost{person.get_absolute_url()}" for person in Person.objects.all()]
    partners = [
        f"http://localhost{partner.get_absolute_url()}" for partner in Partner.objects.all()
    ]
    assert len(locations) == len(set(locations))
    assert set(locations) == {page.full_url for page in public} | set(people) | set(partners)
    assert len(public) > 20 and people and partners


def test_sitemap_names_only_people_and_partners_of_live_public_pages(
    client, public_site, interview_index, programme_index
):
    shown = InterviewPageFactory(parent=interview_index).leader
    drafted = InterviewPageFactory(parent=interview_index, live=False).leader
    partner = PartnerFactory(name="Strategy Unit")
    ProgrammePageFactory(parent=programme_index, partners=[partner])
    PartnerFactory(name="Nobody's partner")

    locations, _ = sitemap_locations(client)

    assert f"{SITE_ROOT}/people/{shown.slug}/" in locations
    assert f"{SITE_ROOT}/people/{drafted.slug}/" not in locations
    assert [loc for loc in locations if "/partners/" in loc] == [
        f"{SITE_ROOT}/partners/strategy-unit/"
    ]


def test_sitemap_leaves_out_drafts_private_pages_and_their_children(client, public_site, home):
    shown = StandardPageFactory(parent=home, slug="shown")
    assert shown.live
    draft = StandardPageFactory(parent=home, slug="draft", live=False)
    private = StandardPageFactory(parent=home, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    below_private = StandardPageFactory(parent=private, slug="below")

    locations, _ = sitemap_locations(client)

    assert SITE_ROOT + shown.url in locations
    for page in (draft, private, below_private):
        assert not [loc for loc in locations if loc.endswith(page.url)], page.url
    assert all(loc.startswith(SITE_ROOT + "/") for loc in locations)


def test_sitemap_holds_no_file_addresses_embargoed_or_not(client, public_site, publication_index):
    embargoed = PublicationPageFactory(parent=publication_index, embargoed=True)
    open_one = PublicationPageFactory(parent=publication_index)

    locations, content = sitemap_locations(client)

    assert SITE_ROOT + embargoed.url in locations
    assert "/documents/" not in content
    assert embargoed.document.url not in content and open_one.document.url not in content


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_search_and_names_the_sitemap(
    client, public_site
):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines and "Disallow: /search/" in lines
    assert f"Sitemap: {SITE_ROOT}/sitemap.xml" in lines
    assert "Disallow: /" not in lines
