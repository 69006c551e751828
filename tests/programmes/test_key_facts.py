"""What a programme page and its card say about who it is for, cost, applying and whom to ask."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from programmes.applications import ApplicationMode
from programmes.factories import ProgrammePageFactory
from tests.core.html import ld_json, of_type, parse

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def facts(response):
    """{term: description} of the page's key facts, as a reader hears them."""
    page = parse(response)
    section = page.find("section", class_="key-facts")
    assert section is not None
    terms = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", key_facts_html(response), re.DOTALL)
    return {term: " ".join(re.sub(r"<[^>]+>", "", text).split()) for term, text in terms}


def key_facts_html(response):
    html = response.content.decode()
    start = html.index('<section class="key-facts"')
    return html[start : html.index("</section>", start)]


def test_every_key_fact_is_shown_when_filled(client, programme_index):
    page = ProgrammePageFactory(
        parent=programme_index,
        title="Leading Differently",
        audience="Senior leaders in health and social care",
        with_key_facts=True,
    )
    closes = page.applications_close

    response = client.get(page.url)

    assert response.status_code == 200
    assert parse(response).find("h2", id="key-facts-heading") is not None
    shown = facts(response)
    day = closes.strftime("%-d %B" if closes.year == timezone.localdate().year else "%-d %B %Y")
    assert shown == {
        "Who it is for": "Senior leaders in health and social care",
        "Format": "In person and online: Six workshop days and action learning sets",
        "Duration": "Nine months, about two days a month",
        "Cost": "£1,250; Employers usually pay",
        "Funding and bursaries": "Bursaries for people working in social care",
        "What it leads to": "A postgraduate certificate (60 credits)",
        "Applications": f"Applications open until {day} Add the closing date to your calendar",
        "How to apply": "Send a CV and a one-page statement Apply: Leading Differently",
        "Whom to ask": "The programme team: programmes@example.ac.uk",
    }
    document = parse(response)
    assert document.find("a", href="https://apply.example.ac.uk/programmes/") is not None
    assert document.find("a", href="mailto:programmes@example.ac.uk") is not None
    assert document.find("a", href=page.url + "apply-by.ics") is not None


def test_a_programme_without_key_facts_shows_no_empty_section(client, programme_index):
    page = ProgrammePageFactory(parent=programme_index, audience="")

    response = client.get(page.url)

    assert response.status_code == 200
    assert b"Key facts" not in response.content
    assert b"apply-by.ics" not in response.content


@pytest.mark.parametrize(
    ("fields", "term", "text"),
    [
        ({"cost": Decimal("0")}, "Cost", "Free"),
        ({"cost": Decimal("99.50")}, "Cost", "£99.50"),
        ({"cost_note": "Funded for NHS staff"}, "Cost", "Funded for NHS staff"),
        ({"delivery_mode": "online"}, "Format", "Online"),
        ({"format": "Four days in Birmingham"}, "Format", "Four days in Birmingham"),
        ({"contact_email": "ask@example.ac.uk"}, "Whom to ask", "ask@example.ac.uk"),
        ({"contact_name": "Dr Programme Lead"}, "Whom to ask", "Dr Programme Lead"),
        (
            {"application_mode": ApplicationMode.INTEREST},
            "Applications",
            "Register interest",
        ),
        (
            {
                "application_mode": ApplicationMode.INTEREST,
                "how_to_apply_url": "https://apply.example.ac.uk/",
            },
            "How to apply",
            "Register your interest: Leading Differently",
        ),
    ],
)
# Every case shows the one fact it fills; register interest also shows its window.
def test_each_fact_stands_alone(client, programme_index, fields, term, text):
    page = ProgrammePageFactory(
        parent=programme_index, title="Leading Differently", audience="", **fields
    )

    shown = facts(client.get(page.url))

    assert shown.pop(term) == text
    assert shown in ({}, {"Applications": "Register interest"})


def test_the_page_says_when_applications_open_and_when_they_closed(client, programme_index):
    today = timezone.localdate()
    soon = ProgrammePageFactory(
        parent=programme_index,
        application_mode=ApplicationMode.DATES,
        applications_open=today + 40 * DAY,
        how_to_apply_url="https://apply.example.ac.uk/",
    )
    closed = ProgrammePageFactory(
        parent=programme_index,
        application_mode=ApplicationMode.DATES,
        applications_close=today - DAY,
        how_to_apply_url="https://apply.example.ac.uk/",
    )

    soon_facts = facts(client.get(soon.url))
    closed_facts = facts(client.get(closed.url))

    assert soon_facts["Applications"].startswith("Opens ")
    assert soon_facts["How to apply"].startswith("About applying")
    assert closed_facts["Applications"].startswith("Closed")
    assert closed_facts["How to apply"].startswith("About applying")


def test_cards_say_the_application_window(client, programme_index):
    today = timezone.localdate()
    ProgrammePageFactory(
        parent=programme_index,
        title="Open one",
        application_mode=ApplicationMode.DATES,
        applications_close=today + 10 * DAY,
    )
    ProgrammePageFactory(
        parent=programme_index, title="Interest one", application_mode=ApplicationMode.INTEREST
    )
    ProgrammePageFactory(
        parent=programme_index,
        title="Soon one",
        application_mode=ApplicationMode.DATES,
        applications_open=today + 20 * DAY,
    )
    ProgrammePageFactory(
        parent=programme_index,
        title="Closed one",
        application_mode=ApplicationMode.DATES,
        applications_close=today - DAY,
    )
    ProgrammePageFactory(parent=programme_index, title="Quiet one")

    response = client.get(programme_index.url)

    lines = sorted(
        " ".join(text.split())
        for text in re.findall(
            r'<p class="card__applications">(.*?)</p>', response.content.decode(), re.S
        )
    )
    opens = (today + 20 * DAY).strftime(
        "%-d %B" if (today + 20 * DAY).year == today.year else "%-d %B %Y"
    )
    assert len(lines) == 4
    assert lines[0].startswith("Applications open until ")
    assert lines[1:] == [
        "Applications: Closed",
        f"Applications: Opens {opens}",
        "Register interest",
    ]


def test_structured_data_is_a_course_instance_with_the_offer(client, programme_index):
    page = ProgrammePageFactory(
        parent=programme_index,
        place="Birmingham",
        start_date=datetime.date(2027, 1, 11),
        end_date=datetime.date(2027, 9, 30),
        with_key_facts=True,
        applications_open=datetime.date(2026, 10, 1),
        applications_close=datetime.date(2026, 11, 30),
    )

    course = of_type(ld_json(client.get(page.url)), "Course")

    assert course["hasCourseInstance"] == {
        "@type": "CourseInstance",
        "courseMode": "blended",
        "location": "Birmingham",
        "startDate": "2027-01-11",
        "endDate": "2027-09-30",
        "offers": {
            "@type": "Offer",
            "url": "https://apply.example.ac.uk/programmes/",
            "availabilityStarts": "2026-10-01",
            "availabilityEnds": "2026-11-30",
            "price": 1250,
            "priceCurrency": "GBP",
        },
    }


def test_structured_data_claims_no_price_without_a_number(client, programme_index):
    page = ProgrammePageFactory(
        parent=programme_index,
        place="",
        start_date=None,
        cost_note="Funded for NHS staff",
        application_mode=ApplicationMode.DATES,
        applications_close=datetime.date(2026, 11, 30),
    )

    course = of_type(ld_json(client.get(page.url)), "Course")

    assert course["hasCourseInstance"] == {
        "@type": "CourseInstance",
        "offers": {"@type": "Offer", "availabilityEnds": "2026-11-30"},
    }


def test_structured_data_of_a_free_programme_says_price_zero(client, programme_index):
    page = ProgrammePageFactory(parent=programme_index, cost=Decimal("0"), place="")
    page.cost = Decimal("12.5")
    page.save_revision().publish()

    course = of_type(ld_json(client.get(page.url)), "Course")
    offers = course["hasCourseInstance"]["offers"]
    assert offers["price"] == 12.5
    assert json.loads(json.dumps(offers)) == offers

    page.cost = Decimal("0")
    page.save_revision().publish()
    course = of_type(ld_json(client.get(page.url)), "Course")
    assert course["hasCourseInstance"]["offers"]["price"] == 0


def test_api_gives_the_key_facts_and_todays_window(client, programme_index):
    page = ProgrammePageFactory(parent=programme_index, with_key_facts=True)

    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["duration"] == "Nine months, about two days a month"
    assert data["contact_email"] == "programmes@example.ac.uk"
    assert data["application_window"] == "open"
    assert data["application_label"].startswith("Applications open until ")
    assert data["applications_close"] == page.applications_close.isoformat()
