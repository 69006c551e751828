"""The foot of every page: the contact page, accessibility statement and privacy notice editors
choose (live ones only, in one query), and the line saying what the site stores in a browser."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from core.models import SiteSettings
from tests.core.html import parse
from viewpoints.factories import ViewpointPageFactory

COOKIES = (
    "Cookies: reading this website stores nothing in your browser. Opening the contact form "
    "stores one cookie"
)
STATEMENTS = [("Accessibility statement", "/accessibility/"), ("Privacy notice", "/privacy/")]
CONTACT = ("Contact us", "/contact/")


def footer(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    found = re.findall(r"<footer class=\"site-footer\">.*?</footer>", html, re.S)
    assert len(found) == 1
    return parse(found[0])


def footer_links(response):
    """[(text, href)] of the footer's links, in order."""
    html = footer(response).html
    return [
        (text.strip(), href) for href, text in re.findall(r'<a href="([^"]+)">([^<]*)</a>', html)
    ]


# ---------------------------------------------------------------------------
# Every page type of the seeded site, with a viewpoint (the seed has none).


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed_content", verbosity=0)
        ViewpointPageFactory(title="On shared purpose", slug="on-shared-purpose")
        yield
        transaction.set_rollback(True)


EVERY_PAGE_TYPE = [
    "/",
    "/why-systems-leadership/",
    "/focus-areas/",
    "/focus-areas/evaluation/",
    "/programmes/",
    "/programmes/leading-dfferently/",
    "/programmes/?status=in_development",
    "/learning-from-leaders/",
    "/learning-from-leaders/what-does-leadership-look-like-in-a-primary-care-setting/",
    "/viewpoints/",
    "/viewpoints/on-shared-purpose/",
    "/publications/",
    "/publications/evaluation-of-the-bristol-mental-health-systems-leadership-model/",
    "/people/",
    "/people/jon-glasby/",
    "/partners/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
    "/search/",
    "/search/?q=leadership",
]


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
class TestOnEveryPageType:
    @pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
    def test_footer_links_the_contact_page_and_both_statements(self, client, path):
        links = footer_links(client.get(path))
        assert CONTACT in links
        assert [link for link in links if link in STATEMENTS] == STATEMENTS

    @pytest.mark.parametrize("path", EVERY_PAGE_TYPE)
    def test_footer_says_what_the_site_stores(self, client, path):
        text = footer(client.get(path)).text
        assert COOKIES in text
        assert "Staff who sign in to edit the website get a cookie" in text

    @pytest.mark.parametrize("path", [path for path in EVERY_PAGE_TYPE if path != "/contact/"])
    def test_reading_the_site_stores_no_cookie(self, client, path):
        response = client.get(path)
        assert response.status_code == 200
        assert dict(response.cookies) == {}

    def test_the_contact_form_stores_only_its_forgery_check(self, client, settings):
        response = client.get("/contact/")
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
        # Sending it, even with mistakes, starts no session.
        token = response.cookies[settings.CSRF_COOKIE_NAME].value
        sent = client.post("/contact/", {"csrfmiddlewaretoken": token, "name": ""})
        assert sent.status_code in (200, 400)
        assert settings.SESSION_COOKIE_NAME not in sent.cookies
        assert settings.SESSION_COOKIE_NAME not in client.cookies


# ---------------------------------------------------------------------------
# Links come from the site settings, and only live pages are linked.


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def seeded_site(db):
    call_command("load_seed_content", verbosity=0)
    return site_settings()


def test_unpublished_statements_and_contact_page_are_not_linked(client, seeded_site):
    for page in (
        seeded_site.accessibility_page,
        seeded_site.privacy_page,
        seeded_site.contact_page,
    ):
        page.specific.unpublish()

    response = client.get("/why-systems-leadership/")

    assert footer_links(response) == []
    html = footer(response).html
    assert "site-footer__links" not in html  # no empty list left behind
    assert COOKIES in footer(response).text


def test_one_unpublished_statement_leaves_the_other_linked(client, seeded_site):
    seeded_site.privacy_page.specific.unpublish()
    links = footer_links(client.get("/"))
    assert [link for link in links if link in STATEMENTS] == STATEMENTS[:1]
    assert CONTACT in links


def test_the_footer_follows_the_pages_and_titles_editors_choose(client, seeded_site):
    why = Page.objects.get(slug="why-systems-leadership").specific
    seeded_site.privacy_page = why
    seeded_site.save()
    statement = seeded_site.accessibility_page.specific
    statement.title = "Accessibility"
    statement.save_revision().publish()

    links = footer_links(client.get("/"))

    assert ("Accessibility", "/accessibility/") in links
    assert ("Why systems leadership?", "/why-systems-leadership/") in links
    assert ("Privacy notice", "/privacy/") not in links


def test_without_chosen_pages_the_footer_has_no_links(client, home):
    links = footer_links(client.get("/"))
    assert links == []
    assert COOKIES in footer(client.get("/")).text


# ---------------------------------------------------------------------------
# Cheap: one query for the links, however many are set.


@pytest.fixture
def footer_pages(home):
    from contact.factories import ContactPageFactory
    from core.factories import StandardPageFactory

    return {
        "contact_page": ContactPageFactory(parent=home),
        "accessibility_page": StandardPageFactory(parent=home, title="Accessibility statement"),
        "privacy_page": StandardPageFactory(parent=home, title="Privacy notice"),
    }


def test_the_links_cost_no_query_however_many_are_set(home, footer_pages, count_queries):
    settings = SiteSettings.for_site(home.get_site())
    counts = []
    for chosen in ([], ["contact_page"], ["contact_page", "accessibility_page", "privacy_page"]):
        for field, page in footer_pages.items():
            setattr(settings, field, page if field in chosen else None)
        settings.save()
        counts.append(count_queries("/"))
    none, one, three = counts
    # The pages come with the settings (select_related).
    assert one == three == none


def test_an_unpublished_page_costs_no_extra_query(home, footer_pages, count_queries):
    settings = SiteSettings.for_site(home.get_site())
    for field, page in footer_pages.items():
        setattr(settings, field, page)
    settings.save()
    all_live = count_queries("/")
    footer_pages["privacy_page"].unpublish()
    assert count_queries("/") == all_live


def test_staff_choose_the_footer_pages_in_the_site_settings(admin_client, seeded_site):
    response = admin_client.get(f"/admin/settings/core/sitesettings/{seeded_site.site_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Foot of every page" in html
    for field in ("accessibility_page", "privacy_page"):
        assert f'name="{field}"' in html
