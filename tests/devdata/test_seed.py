"""`manage.py load_seed_content`: every fact of the seed page is on the site, and only once."""

import datetime
import re

import pytest
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import (
    Page,
    Site,
)

from contact.models import ContactPage
from core.models import HomePage, MainMenu, SiteSettings, StandardPage
from interviews.models import InterviewPage
from people.models import Partner, Person
from programmes.models import ProgrammePage
from publications.models import PublicationPage
from tests.devdata.seed_facts import (
    AREAS,
    BRISTOL,
    CLARITY,
    CONTACT_SEED_PAGES,
    EVERY_PAGE,
    IGL,
    MENU,
    PAGE_COUNT,
    PBRI,
    PROGRAMMES,
    Q1,
    Q2,
    REPORT,
    SEARCH,
    SEED_FACTS,
    SEED_TEXT,
    SHOWN_FACTS,
    SITE_PAGES,
    WHY,
    H,
    VisibleText,
    normalise,
)
from tests.devdata.seeding import load_seed, snapshot

# ---------------------------------------------------------------------------
# The facts list itself: the seed's words, all of them.


def test_every_seed_fact_is_in_the_seed_page_word_for_word():
    seed = normalise(SEED_TEXT)
    missing = [
        fact for facts in SEED_FACTS.values() for fact in facts if normalise(fact) not in seed
    ]
    assert missing == []


def test_every_line_of_the_seed_page_is_in_the_facts_list():
    facts = sorted({normalise(f) for facts in SEED_FACTS.values() for f in facts}, key=len)
    uncovered = []
    for line in filter(None, map(normalise, SEED_TEXT.splitlines())):
        rest = line
        for fact in reversed(facts):
            rest = rest.replace(fact, "")
        # What is left may only be list numbers, bullets and punctuation.
        if not re.fullmatch(r"[\s\d.:•()–-]*", rest):
            uncovered.append((line, rest))
    assert uncovered == []


# ---------------------------------------------------------------------------
# The command


@pytest.mark.django_db
def test_first_run_replaces_the_welcome_page_and_sets_up_the_site():
    assert Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    out = load_seed()
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    home = HomePage.objects.get()
    assert (home.title, home.depth, home.live) == ("Systems Leadership", 2, True)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("localhost", 80, "Systems Leadership")
    assert site.root_page_id == home.pk
    assert f"Pages: {PAGE_COUNT} created, 0 kept." in out
    assert "Removed Wagtail's untouched default page" in out


@pytest.mark.django_db
def test_an_edited_welcome_page_is_kept():
    welcome = Page.objects.get(title="Welcome to your new Wagtail site!")
    welcome.title = "Our old front page"
    welcome.save_revision().publish()
    load_seed()
    assert Page.objects.get(pk=welcome.pk).title == "Our old front page"
    home = HomePage.objects.get()
    assert home.slug == "systems-leadership"
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


@pytest.mark.django_db
def test_creates_a_default_site_when_there_is_none():
    Site.objects.all().delete()
    load_seed()
    site = Site.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == ("localhost", 80, True)
    assert site.root_page.specific_class is HomePage


@pytest.mark.django_db
def test_second_run_changes_nothing():
    load_seed()
    before = snapshot()
    out = load_seed()
    assert snapshot() == before
    assert f"Pages: 0 created, {PAGE_COUNT} kept." in out
    assert "Groups: 0 created, 2 kept." in out
    assert "Workflows: 0 created, 1 kept." in out
    assert "nothing changed" in out


@pytest.mark.django_db
def test_keeps_what_editors_changed_and_recreates_only_what_is_missing():
    load_seed()
    programmes = Page.objects.get(slug="programmes").specific
    programmes.title = "Our programmes"
    programmes.save_revision().publish()
    home = HomePage.objects.get()
    home.sections = []
    home.save_revision().publish()
    Page.objects.get(url_path=IGL.replace("/", "/home/", 1)).delete()
    before = snapshot()

    out = load_seed()

    assert Page.objects.get(slug="programmes").title == "Our programmes"
    assert len(HomePage.objects.get().sections) == 0
    recreated = InterviewPage.objects.get(title=Q1)
    assert recreated.live and recreated.leader.name == "Jon Glasby"
    after = snapshot()
    assert after["pages"] == before["pages"] + 1
    assert after["revisions"] == before["revisions"] + 1
    assert after["people"] == before["people"]  # the leader was found, not duplicated
    assert f"Pages: 1 created, {PAGE_COUNT - 1} kept." in out


@pytest.mark.django_db
def test_refuses_production_settings(monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="--force-production"):
        load_seed()
    assert Page.objects.count() == pages
    load_seed(force_production=True)
    assert HomePage.objects.exists()


@pytest.mark.django_db
def test_refuses_when_settings_module_is_production(settings):
    settings.SETTINGS_MODULE = "portal.settings.production"
    with pytest.raises(CommandError):
        load_seed()
    assert not HomePage.objects.exists()


# ---------------------------------------------------------------------------
# What it creates, field by field: nothing the seed page does not give.


@pytest.mark.django_db
def test_people_partners_and_nothing_invented():
    load_seed()
    people = {p.name: (p.honorific, p.role, p.organisation) for p in Person.objects.all()}
    assert people == {
        "Jon Glasby": ("Professor", "Head of School of Social Policy", "University of Birmingham"),
        "Sarah-Jane Marsh": (
            "",
            "Chief Executive",
            "Birmingham Children's Hospital NHS Foundation Trust",
        ),
        "K. Newbigging": ("", "", ""),
        "B. Weir": ("", "", ""),
    }
    names = ["Cornwall County Council", "HEE", "The Strategy Unit"]
    assert sorted(Partner.objects.values_list("name", "url")) == [(name, "") for name in names]
    for interview in InterviewPage.objects.all():
        assert not interview.has_video and not interview.video_url
        assert len(interview.transcript) == 0
        assert interview.question == interview.title
    assert not PublicationPage.objects.filter(document__isnull=False).exists()
    settings = SiteSettings.objects.get()
    assert (settings.contact_email, settings.contact_phone, settings.address) == ("", "", "")
    assert settings.contact_page.specific_class is ContactPage


# title: (start, end, place, audience, partners, focus areas, status on 1 June 2025)
# fmt: off
EXPECTED_PROGRAMMES = {
    "The 21st Century Public Servant Leadership programme": (
        "2017-01-01", "2020-12-31", "", "Aspiring Directors of Public Health", [], [], "delivered"),
    "Leading D!fferently": (
        "2018-01-01", "2019-12-31", "Cornwall", "", ["Cornwall County Council"], ["development"],
        "delivered"),
    "PHM support to core leadership teams": (
        "2019-01-01", None, "Midlands", "core leadership teams in 7 Midlands STPs",
        ["The Strategy Unit"], [], "current"),
    "Systems Leadership modules for the Copenhagen healthcare region": (
        "2018-01-01", "2019-12-31", "Copenhagen", "", [], [], "delivered"),
    "Integrated Teams Pilot Programme": (
        "2016-01-01", "2017-12-31", "West Midlands", "", ["HEE"], [], "delivered"),
    "Systems Leadership Masterclass series": (
        "2016-01-01", "2017-12-31", "West Midlands", "", ["HEE"], [], "delivered"),
    "Systems Leadership development programme": (
        None, None, "", "senior public sector leaders", [], ["development"], "in_development"),
    "Evaluation of the 21C ADPH programme": (
        None, None, "", "", [], ["evaluation"], "in_development"),
}
# fmt: on


@pytest.mark.django_db
def test_programmes_years_partners_places_and_status():
    load_seed()
    today = datetime.date(2025, 6, 1)
    found = {
        p.title: (
            p.start_date and p.start_date.isoformat(),
            p.end_date and p.end_date.isoformat(),
            p.place,
            p.audience,
            [partner.name for partner in p.partners.all()],
            sorted(area.slug for area in p.focus_areas.all()),
            p.get_status(today),
        )
        for p in ProgrammePage.objects.all()
    }
    assert found == EXPECTED_PROGRAMMES
    lines = {title: line for _, title, line in PROGRAMMES}
    for programme in ProgrammePage.objects.all():
        assert programme.summary == lines[programme.title]
        assert programme.date_precision == "year"


@pytest.mark.django_db
def test_publications_authors_embargo_and_focus_areas():
    load_seed()
    report = PublicationPage.objects.get(title=REPORT)
    details = (report.kind, report.year, report.embargoed, report.embargo_end)
    assert details == ("report", None, True, None)
    assert report.embargo_active and report.author_names == []
    bristol = PublicationPage.objects.get(title=BRISTOL)
    assert (bristol.kind, bristol.year, bristol.embargoed) == ("evaluation", 2017, False)
    assert bristol.author_names == ["K. Newbigging", "B. Weir"]
    assert [area.slug for area in bristol.focus_areas.all()] == ["evaluation"]
    assert not report.focus_areas.exists()


@pytest.mark.django_db
def test_every_page_is_published_through_a_revision_with_a_summary():
    load_seed()
    pages = Page.objects.filter(depth__gte=2).specific()
    assert len(pages) == PAGE_COUNT
    for page in pages:
        assert page.live and page.first_published_at, page.url_path
        assert page.latest_revision_id and page.live_revision_id == page.latest_revision_id
        assert page.revisions.count() == 1, page.url_path
        assert page.summary, page.url_path


@pytest.mark.django_db
def test_home_sections_in_the_seed_order():
    load_seed()
    home = HomePage.objects.get()
    sections = [(block.block_type, block.value["heading"]) for block in home.sections]
    assert sections == [
        ("featured_interviews", "Learning from leaders"),
        ("call_to_action", "Why systems leadership?"),
        ("featured_pages", "Our areas of focus"),
        ("latest_pages", "Leadership programmes"),
        ("latest_pages", "Systems leadership viewpoints"),
        ("latest_pages", "Publications"),
        ("call_to_action", "Contact us"),
    ]
    leaders, why, areas, programmes, viewpoints, publications, contact = (
        block.value for block in home.sections
    )
    assert [page.title for page in leaders["pages"]] == [Q1, Q2]
    assert leaders["more_page"].slug == "learning-from-leaders"
    assert why["page"].specific_class is StandardPage and why["text"] == CLARITY
    assert [page.title for page in areas["pages"]] == list(AREAS)
    assert (programmes["index"].slug, programmes["count"]) == ("programmes", 8)
    assert viewpoints["introduction"] == "Discussion relating to system leadership"
    assert viewpoints["empty_text"] == "No viewpoints have been published yet."
    assert publications["index"].slug == "publications"
    assert contact["page"].specific_class is ContactPage


@pytest.mark.django_db
def test_main_menu_items_in_order():
    load_seed()
    menu = MainMenu.for_site(Site.objects.get(is_default_site=True))
    assert [item.text for item in menu.items.order_by("sort_order")] == MENU


# ---------------------------------------------------------------------------
# The site as visitors see it. The seed is loaded once for the class and rolled back after it.


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_seed()
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
class TestSeedFactsOnTheSite:
    @pytest.mark.parametrize("path", EVERY_PAGE + [SEARCH])
    def test_page_shows_its_seed_facts(self, client, path):
        response = client.get(path)
        assert response.status_code == 200
        text = VisibleText.of(response.content.decode())
        facts = SEED_FACTS.get(path, []) + SHOWN_FACTS.get(path, [])
        assert facts, "every page has facts to check"
        missing = [fact for fact in facts if normalise(fact) not in text]
        assert missing == [], f"not shown on {path}"

    def test_every_live_page_answers_200(self, client):
        paths = []
        for page in Page.objects.live().filter(depth__gt=2):
            url = page.get_url()
            assert client.get(url).status_code == 200, url
            paths.append(url)
        expected = EVERY_PAGE + CONTACT_SEED_PAGES + SITE_PAGES
        assert sorted(paths) == sorted(p for p in expected if p != H)
        assert client.get(H).status_code == 200

    def test_welcome_page_is_gone(self, client):
        assert "Welcome to your new Wagtail site" not in client.get(H).content.decode()

    def test_why_page_lists_the_three_areas_in_order_linking_to_each(self, client):
        html = client.get(WHY).content.decode()
        main = re.search(r"<main[^>]*>(.*)</main>", html, re.S).group(1)
        ordered_list = re.search(r"<ol[^>]*>(.*?)</ol>", main, re.S)
        assert ordered_list, "the areas of focus are an ordered list"
        items = re.findall(r"<li[^>]*>(.*?)</li>", ordered_list.group(1), re.S)
        assert [VisibleText.of(f"<li>{item}</li>", "li") for item in items] == [
            f"{name}: {text}" for name, text in AREAS.items()
        ]
        for slug in ("evaluation", "development", "research"):
            assert f'href="/focus-areas/{slug}/"' in ordered_list.group(1)

    def test_authors_in_the_order_given(self, client):
        text = VisibleText.of(client.get(PBRI).content.decode())
        assert text.index("K. Newbigging") < text.index("B. Weir")

    def test_header_menu_and_footer_contact_link(self, client):
        html = client.get(H).content.decode()
        header = VisibleText.of(html, "header")
        positions = [header.find(label) for label in MENU]
        assert -1 not in positions, header
        assert positions == sorted(positions)
        assert "Contact us" in VisibleText.of(html, "footer")
