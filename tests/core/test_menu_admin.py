"""Editors build the main menu from pages, addresses on this site and addresses elsewhere."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.models import MainMenu

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, home):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.ac.uk", "x"))
    return client


def edit_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["core", "mainmenu", site.pk])


def save_menu(client, *items):
    rows = [{"page": "", "link_url": "", "label": "", **item} for item in items]
    return client.post(edit_url(), nested_form_data({"items": inline_formset(rows)}))


def test_the_menu_editor_opens(admin_client):
    response = admin_client.get(edit_url())

    assert response.status_code == 200
    assert b"Or an address" in response.content
    assert b"such as /people/" in response.content


def test_a_page_an_address_here_and_one_elsewhere_all_make_links(admin_client, programme_index):
    response = save_menu(
        admin_client,
        {"page": programme_index.pk},
        {"link_url": "/people/", "label": "People"},
        {"link_url": "https://www.example.ac.uk/library/", "label": "Library"},
    )
    assert response.status_code == 302

    nav = admin_client.get("/").content.decode()
    assert f'href="{programme_index.url}"' in nav
    assert '<a class="main-nav__link" href="/people/">People</a>' in nav
    assert 'href="https://www.example.ac.uk/library/">Library</a>' in nav
    menu = MainMenu.for_site(Site.objects.get(is_default_site=True))
    assert [item.text for item in menu.items.order_by("sort_order")] == [
        programme_index.title,
        "People",
        "Library",
    ]


@pytest.mark.parametrize(
    "address",
    ["people", "javascript:alert(1)", "//elsewhere.example/", "ftp://example.org/", "/a b/"],
)
def test_a_bad_address_is_refused_with_a_clear_message(admin_client, address):
    response = save_menu(admin_client, {"link_url": address, "label": "Somewhere"})

    assert response.status_code == 200
    assert b"Give an address on this site starting with /" in response.content
    assert not MainMenu.objects.filter(items__link_url=address).exists()


def test_a_page_and_an_address_together_are_refused(admin_client, programme_index):
    response = save_menu(
        admin_client, {"page": programme_index.pk, "link_url": "/people/", "label": "People"}
    )

    assert response.status_code == 200
    assert b"Choose a page or give an address, not both." in response.content


def test_an_item_with_neither_is_refused(admin_client):
    response = save_menu(admin_client, {"label": "Nothing"})

    assert response.status_code == 200
    assert b"Choose a page or give an address, not both." in response.content


def test_an_address_needs_its_words(admin_client):
    response = save_menu(admin_client, {"link_url": "/people/"})

    assert response.status_code == 200
    assert b"Give the words to show for this address." in response.content
