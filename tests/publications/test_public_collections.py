"""Editors open a collection to everyone: its files need no page, but embargoes still hold."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from core.factories import DocumentFactory
from publications.factories import PublicationPageFactory
from publications.models import DocumentSettings

pytestmark = pytest.mark.django_db

SETTINGS_URL = "/admin/settings/publications/documentsettings/"


@pytest.fixture
def forms_collection(home):
    return Collection.get_first_root_node().add_child(name="Forms and templates")


def open_to_everyone(*collections):
    DocumentSettings.load().public_collections.set(collections)


def listed(client):
    response = client.get("/api/v2/documents/", {"limit": 20})
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def test_a_file_in_a_public_collection_is_served_and_listed_with_no_page(client, forms_collection):
    document = DocumentFactory(collection=forms_collection)
    assert client.get(document.url).status_code == 404

    open_to_everyone(forms_collection)

    assert client.get(document.url).status_code == 200
    assert listed(client) == {document.pk}


def test_closing_the_collection_makes_its_unused_files_private_again(client, forms_collection):
    document = DocumentFactory(collection=forms_collection)
    open_to_everyone(forms_collection)
    assert client.get(document.url).status_code == 200

    open_to_everyone()

    assert client.get(document.url).status_code == 404
    assert document.pk not in listed(client)


def test_only_the_ticked_collection_is_open(client, forms_collection):
    inside = forms_collection.add_child(name="Old forms")
    document = DocumentFactory(collection=inside)
    open_to_everyone(forms_collection)

    assert client.get(document.url).status_code == 404
    assert document.pk not in listed(client)


def test_an_embargo_holds_in_a_public_collection(client, forms_collection, publication_index):
    document = DocumentFactory(collection=forms_collection)
    PublicationPageFactory(parent=publication_index, embargoed=True, document=document)
    open_to_everyone(forms_collection)

    assert client.get(document.url).status_code == 404
    assert document.pk not in listed(client)


def test_a_private_collection_stays_private_when_ticked(client, forms_collection):
    restriction = CollectionViewRestriction.objects.create(
        collection=forms_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    document = DocumentFactory(collection=forms_collection)
    open_to_everyone(forms_collection)

    assert client.get(document.url).status_code != 200
    assert document.pk not in listed(client)


def test_an_administrator_ticks_a_collection_in_the_settings(client, admin_user, forms_collection):
    document = DocumentFactory(collection=forms_collection)
    client.force_login(admin_user)
    form = client.get(SETTINGS_URL, follow=True)
    assert form.status_code == 200
    assert "can be downloaded by anyone" in form.content.decode()

    saved = client.post(form.redirect_chain[-1][0], {"public_collections": [forms_collection.pk]})

    assert saved.status_code == 302
    client.logout()
    assert client.get(document.url).status_code == 200


def test_an_unknown_collection_is_refused_with_a_message(client, admin_user, home):
    client.force_login(admin_user)
    url = client.get(SETTINGS_URL, follow=True).redirect_chain[-1][0]

    response = client.post(url, {"public_collections": ["999999"]})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not DocumentSettings.load().public_collections.exists()
