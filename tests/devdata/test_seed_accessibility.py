"""The seeded accessibility statement: made once, kept as editors leave it, honest and complete."""

import re

import pytest
from wagtail.models import Page, Site

from contact.models import ContactPage
from core.models import SiteSettings, StandardPage
from devdata.seed.accessibility import HEADINGS
from tests.devdata.seed_facts import ACCESSIBILITY, PAGE_COUNT, VisibleText
from tests.devdata.seeding import load_seed, snapshot

pytestmark = pytest.mark.django_db


def statement():
    return StandardPage.objects.get(url_path="/home/accessibility/")


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_the_statement_is_created_once_published_and_chosen_for_the_footer():
    out = load_seed()
    page = statement()
    assert (page.title, page.live, page.revisions.count()) == ("Accessibility statement", True, 1)
    settings = site_settings()
    assert settings.accessibility_page_id == page.pk
    assert settings.privacy_page_id == Page.objects.get(url_path="/home/privacy/").pk
    assert f"Pages: {PAGE_COUNT} created, 0 kept." in out

    before = snapshot()
    out = load_seed()
    assert snapshot() == before
    assert StandardPage.objects.filter(slug="accessibility").count() == 1
    assert "Site settings: 0 created, 1 kept." in out


def test_editors_changes_to_the_statement_and_their_choice_of_pages_are_kept():
    load_seed()
    page = statement()
    page.title = "Our accessibility statement"
    page.body = [{"type": "paragraph", "value": "<p>Prepared on a date the editor knows.</p>"}]
    page.save_revision().publish()
    elsewhere = Page.objects.get(url_path="/home/why-systems-leadership/")
    settings = site_settings()
    settings.privacy_page = elsewhere
    settings.save()
    before = snapshot()

    load_seed()

    page = statement()
    assert page.title == "Our accessibility statement"
    assert [block.value.source for block in page.body] == [
        "<p>Prepared on a date the editor knows.</p>"
    ]
    assert snapshot() == before
    assert site_settings().privacy_page_id == elsewhere.pk


def test_a_deleted_statement_is_made_again_and_chosen_again():
    load_seed()
    statement().delete()
    assert site_settings().accessibility_page_id is None

    out = load_seed()

    assert site_settings().accessibility_page_id == statement().pk
    assert f"Pages: 1 created, {PAGE_COUNT - 1} kept." in out
    assert "Site settings: 0 created, 1 updated, 0 kept." in out


def test_contact_details_editors_set_do_not_stop_the_footer_pages_being_chosen():
    """A site seeded before the footer had these links gets them, and its details stay."""
    load_seed()
    settings = site_settings()
    settings.contact_email = "centre@example.ac.uk"
    settings.accessibility_page = settings.privacy_page = None
    settings.save()

    load_seed()

    settings = site_settings()
    assert settings.contact_email == "centre@example.ac.uk"
    assert settings.accessibility_page_id == statement().pk
    assert settings.privacy_page.slug == "privacy"


@pytest.fixture
def statement_text(client):
    load_seed()
    response = client.get(ACCESSIBILITY)
    assert response.status_code == 200
    return response.content.decode()


def test_the_statement_has_every_section_of_the_model_statement_in_order(statement_text):
    text = VisibleText.of(statement_text)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", statement_text.split("<main", 1)[1])
    assert [VisibleText.of(f"<h2>{h}</h2>", "h2") for h in headings[: len(HEADINGS)]] == HEADINGS
    for words in [
        "This website is run by the Centre for Health and Social Care Leadership.",
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing",
        "Equality Advisory and Support Service (EASS)",
        "Equality Commission for Northern Ireland",
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA",
        "pictures that editors add may lack a text description",
        "axe-core",
        "at a width of 1280 pixels and at 320 pixels",
        "with the keyboard alone",
        "black on white",
        "has not been tested with screen readers",
        "it has not had an independent accessibility audit",
        "This statement was prepared when this website was first published",
    ]:
        assert words in text, words


def test_problems_are_reported_through_the_seeded_contact_form(statement_text):
    contact = ContactPage.objects.get()
    main = statement_text.split("<main", 1)[1].split("</main>", 1)[0]
    links = re.findall(r'<a href="([^"]+)">contact form</a>', main)
    assert links and set(links) == {contact.url}


def test_the_statement_names_no_person_address_number_or_date(statement_text):
    main = statement_text.split("<main", 1)[1].split("</main>", 1)[0]
    assert "mailto:" not in main and "tel:" not in main and "@" not in main
    # The one date is the day the page was last published, which the page shows by itself.
    statement_text = re.sub(r'<p class="page-updated">.*?</p>', "", statement_text, flags=re.S)
    text = VisibleText.of(statement_text)
    # The only numbers are the regulations' year and number, the standard's version and
    # success criteria, the zoom level and the widths tested: no date, no telephone number.
    numbers = set(re.findall(r"\d+(?:\.\d+)*", text))
    assert numbers <= {"2", "2018", "2.2", "400", "320", "1280", "1.1.1", "1.3.1", "4.1.2", "1.2.2"}
    links = set(re.findall(r'href="(https?://[^"]+)"', main))
    assert links == {
        "https://www.legislation.gov.uk/uksi/2018/952/contents/made",
        "https://www.w3.org/TR/WCAG22/",
        "https://www.equalityadvisoryservice.com/",
        "https://www.equalityni.org/Home",
    }


def test_the_statement_shows_the_day_it_was_last_published(client):
    load_seed()
    page = statement()

    response = client.get("/accessibility/")

    day = page.last_published_at
    assert (
        f'Last updated <time datetime="{day:%Y-%m-%d}">{day.day} {day:%B %Y}</time>'
        in response.content.decode()
    )
