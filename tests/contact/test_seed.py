"""The seeded contact page and privacy notice: the default questions, and an honest notice."""

import re

import pytest
from wagtail.models import Page

from contact.models import ContactPage
from contact.seed import seed_contact_page
from core.models import StandardPage

pytestmark = pytest.mark.django_db


def test_the_seed_asks_the_default_questions_in_order(home):
    page, created = seed_contact_page(home)

    assert created and page.live and page.url == "/contact/"
    fields = [
        (f.clean_name, f.field_type, f.required, f.choices.splitlines())
        for f in page.form_fields.all()
    ]
    assert fields == [
        ("name", "singleline", True, []),
        ("email", "email", True, []),
        ("organisation", "singleline", False, []),
        (
            "topic",
            "dropdown",
            True,
            ["Programmes", "Research collaboration", "Evaluation", "Media", "Other"],
        ),
        ("message", "multiline", True, []),
        ("consent", "checkbox", True, []),
    ]
    assert page.retention_months == 12
    assert page.enquirer_email_field() == "email"


def test_the_seed_makes_a_privacy_notice_the_consent_question_links_to(client, home):
    page, _ = seed_contact_page(home)

    notice = StandardPage.objects.get(slug="privacy")
    assert page.privacy_notice.specific == notice
    assert notice.live and notice.url == "/privacy/" and notice.summary
    response = client.get("/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in [
        "What we keep",
        "Why we keep it",
        "Who sees it",
        "How long we keep it",
        "Seeing, correcting or deleting your details",
    ]:
        assert heading in html
    assert "deletes your message automatically 12 months after you send it" in html
    assert "We find and delete every message sent from that address." in html
    assert '<a href="/contact/">contact form</a>' in html


def test_the_privacy_notice_invents_no_contact_details(home):
    seed_contact_page(home)

    text = " ".join(str(block["value"]) for block in StandardPage.objects.get().body.raw_data)
    assert "@" not in text
    assert not re.search(r"\d{4,}|\d{3} \d{3,}", text)  # no telephone numbers
    assert "http" not in text


def test_seeding_twice_changes_nothing_and_keeps_what_editors_changed(home):
    page, _ = seed_contact_page(home)
    page.title = "Get in touch"
    page.save_revision().publish()
    pages = Page.objects.count()

    again, created = seed_contact_page(home)

    assert not created and again.pk == page.pk
    assert Page.objects.count() == pages
    assert ContactPage.objects.get().title == "Get in touch"
    assert again.revisions.count() == 2


def test_a_deleted_privacy_notice_is_made_again_for_an_existing_contact_page(home):
    page, _ = seed_contact_page(home)
    StandardPage.objects.get(slug="privacy").delete()

    seed_contact_page(home)

    assert StandardPage.objects.filter(slug="privacy").count() == 1
    page.refresh_from_db()
    assert page.privacy_notice is None  # the editor's page is kept as they left it


def test_the_seeded_pages_have_one_revision_each(home):
    page, _ = seed_contact_page(home)

    notice = StandardPage.objects.get(slug="privacy")
    assert page.revisions.count() == notice.revisions.count() == 1
    assert page.live_revision_id == page.latest_revision_id
