"""Editors fill a programme's key facts and application window in the admin, and cannot save
a window that contradicts itself."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db


def create_url(index):
    return reverse("wagtailadmin_pages:add", args=("programmes", "programmepage", index.pk))


def programme_form(**fields):
    return nested_form_data(
        {
            "title": "Leading across organisations",
            "slug": "leading-across",
            "summary": "A programme for leaders who work across organisations.",
            "body": streamfield([]),
            "date_precision": "year",
            "status": "in_development",
            "comments": inline_formset([]),
            **fields,
        }
    )


def test_the_edit_form_offers_every_key_fact_with_help(admin_client, programme_index):
    page = ProgrammePageFactory(parent=programme_index)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    html = response.content.decode()
    assert response.status_code == 200
    for name in [
        "audience",
        "delivery_mode",
        "format",
        "duration",
        "cost",
        "cost_note",
        "funding",
        "leads_to",
        "application_mode",
        "applications_open",
        "applications_close",
        "how_to_apply_url",
        "how_to_apply",
        "contact_name",
        "contact_email",
    ]:
        assert f'name="{name}"' in html, name
    for heading in ["Key facts", "Applications", "Whom to ask"]:
        assert heading in html
    assert "The last day people can apply." in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {
                "application_mode": "dates",
                "applications_open": "2027-05-01",
                "applications_close": "2027-03-12",
            },
            "Applications cannot close before they open.",
        ),
        ({"application_mode": "dates"}, "Give the day applications open, close, or both."),
        (
            {"application_mode": "interest", "applications_close": "2027-03-12"},
            "Dates are used only when applications open and close on dates",
        ),
        ({"cost": "-5"}, "Ensure this value is greater than or equal to 0"),
        ({"contact_email": "not an address"}, "Enter a valid email address."),
    ],
)
def test_a_window_or_fact_that_makes_no_sense_is_refused(
    admin_client, programme_index, fields, message
):
    response = admin_client.post(create_url(programme_index), programme_form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgrammePage.objects.filter(slug="leading-across").exists()


def test_a_sensible_window_is_saved(admin_client, programme_index):
    response = admin_client.post(
        create_url(programme_index),
        programme_form(
            application_mode="dates",
            applications_open="2027-01-10",
            applications_close="2027-03-12",
            cost="1250",
            contact_email="programmes@example.ac.uk",
        ),
    )

    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="leading-across")
    assert page.applications_close.isoformat() == "2027-03-12"
    assert page.cost == 1250
