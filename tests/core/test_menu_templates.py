"""The header: the menu as a disclosure for small screens, the section marked, the static files."""

import pytest
from django.contrib.staticfiles import finders

from core.models import MainMenu, MainMenuItem
from programmes.factories import ProgrammePageFactory
from tests.core.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def menu(home, programme_index, publication_index):
    main_menu = MainMenu.for_site(home.get_site())
    MainMenuItem.objects.create(menu=main_menu, page=programme_index, sort_order=0)
    MainMenuItem.objects.create(
        menu=main_menu, page=publication_index, label="Reports", sort_order=1
    )
    return main_menu


def test_menu_works_without_javascript_and_has_a_disclosure_button(client, menu, home):
    html = parse(client.get(home.url))
    nav = html.find("nav", aria_label="Main")
    assert nav is not None
    toggle = html.find("button", class_="main-nav__toggle")
    # Hidden until site.js reveals it, so without JavaScript the list is simply shown.
    assert "hidden" in toggle.attrs
    assert toggle["aria-expanded"] == "false"
    assert toggle["aria-controls"] == "main-nav-list"
    assert html.find("ul", id="main-nav-list") is not None
    assert [a.attrs.get("href") for a in html.find_all("a", class_="main-nav__link")] == [
        "/programmes/",
        "/publications/",
    ]
    assert "Reports" in html.text
    assert html.find("html", class_="no-js") is not None


def test_menu_marks_the_current_page_and_section(client, menu, programme_index):
    html = parse(client.get(programme_index.url))
    assert html.find("a", class_="main-nav__link", href="/programmes/", aria_current="page")

    programme = ProgrammePageFactory(parent=programme_index)
    html = parse(client.get(programme.url))
    assert html.find("a", class_="main-nav__link", href="/programmes/", aria_current="true")
    assert html.find("a", class_="main-nav__link", href="/publications/", aria_current=True) is None


def test_header_search_is_a_labelled_get_form(client, home):
    html = parse(client.get(home.url))
    form = html.find("form", role="search")
    assert form["method"] == "get" and form["action"] == "/search/"
    field = html.find("input", name="q")
    assert [label for label in html.find_all("label") if label.get("for") == field["id"]]


def test_footer_shows_the_contact_details_editors_set(client, home, contact_page):
    from core.models import SiteSettings

    settings = SiteSettings.for_site(home.get_site())
    settings.contact_email = "leadership@example.ac.uk"
    settings.contact_phone = "0121 000 0000"
    settings.address = "Centre for Health and Social Care Leadership\nBirmingham"
    settings.contact_page = contact_page
    settings.save()
    html = parse(client.get(home.url))
    assert html.find("a", href="mailto:leadership@example.ac.uk") is not None
    assert html.find("a", href="tel:01210000000") is not None
    assert html.find("address") is not None
    assert html.find("a", href=contact_page.url) is not None


@pytest.mark.parametrize(
    "path",
    ["css/site.css", "css/print.css", "js/site.js", "img/video-poster.svg", "img/favicon.svg"],
)
def test_static_files_the_templates_use_exist(path):
    assert finders.find(path), path
