"""Staff add a person or a partner from inside the chooser, without leaving the page they edit."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from people.models import Partner, Person

pytestmark = pytest.mark.django_db


def chooser_url(model_name, view):
    return reverse(f"wagtailsnippetchoosers_people_{model_name}:{view}")


def modal(response):
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_person_chooser_offers_a_form_for_someone_new(admin_client):
    data = modal(admin_client.get(chooser_url("person", "choose")))

    assert "New person" in data["html"]
    assert 'name="name"' in data["html"]
    assert "Add this person" in data["html"]


def test_a_person_created_in_the_chooser_is_saved_and_chosen(admin_client):
    data = modal(
        admin_client.post(
            chooser_url("person", "create"),
            {"honorific": "Dr", "name": "Ama Owusu", "role": "Director", "organisation": "ICS"},
        )
    )

    person = Person.objects.get(name="Ama Owusu")
    assert data["step"] == "chosen"
    assert data["result"]["id"] == str(person.pk)
    assert data["result"]["string"] == "Dr Ama Owusu"
    assert person.slug == "ama-owusu"
    assert person.role_and_organisation == "Director, ICS"


def test_a_partner_created_in_the_chooser_is_saved_and_chosen(admin_client):
    data = modal(
        admin_client.post(
            chooser_url("partner", "create"),
            {"name": "The Strategy Unit", "url": "https://strategy.example"},
        )
    )

    partner = Partner.objects.get()
    assert data["step"] == "chosen"
    assert data["result"]["string"] == "The Strategy Unit"
    assert (partner.slug, partner.url) == ("the-strategy-unit", "https://strategy.example")


@pytest.mark.parametrize(
    "values",
    [{"name": ""}, {"name": "Cornwall Council", "url": "not an address"}, {"name": "x" * 300}],
)
def test_a_bad_partner_shows_the_form_again_with_the_reason(admin_client, values):
    data = modal(admin_client.post(chooser_url("partner", "create"), values))

    assert data["step"] == "reshow_creation_form"
    assert "error" in data["htmlFragment"]
    assert not Partner.objects.exists()


def test_a_partner_name_already_taken_is_refused_in_the_chooser(admin_client):
    Partner.objects.create(name="Cornwall Council")

    data = modal(admin_client.post(chooser_url("partner", "create"), {"name": "Cornwall Council"}))

    assert data["step"] == "reshow_creation_form"
    assert Partner.objects.count() == 1


def test_staff_who_may_only_choose_get_no_creation_form(client, django_user_model):
    user = django_user_model.objects.create_user(username="reader", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_person"),
    )
    client.force_login(user)

    data = modal(client.get(chooser_url("person", "choose")))
    refused = client.post(chooser_url("person", "create"), {"name": "Someone"})

    assert "New person" not in data["html"]
    # Wagtail answers a missing right by sending staff back to the dashboard with a message.
    assert (refused.status_code, refused.url) == (302, "/admin/")
    assert not Person.objects.exists()
