"""Wagtail's userbar: on public pages for signed-in editors only; visitors' pages stay shareable."""

import pytest

from core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

USERBAR = b"wagtail-userbar"


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part}


def test_a_signed_in_editor_gets_the_userbar_on_a_private_page(client, home, editor):
    page = StandardPageFactory(parent=home)
    client.force_login(editor)

    response = client.get(page.url)

    assert response.status_code == 200
    assert USERBAR in response.content
    assert f"/admin/pages/{page.pk}/edit/".encode() in response.content
    assert b"wagtailadmin/js/userbar.js" in response.content
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "public" not in cache_control


def test_a_visitor_gets_no_trace_of_it_and_the_page_stays_public(client, home):
    page = StandardPageFactory(parent=home)

    response = client.get(page.url)

    assert response.status_code == 200
    assert USERBAR not in response.content
    assert b"userbar" not in response.content
    assert b"wagtailadmin" not in response.content
    assert "public" in response["Cache-Control"]
    assert "cookie" not in vary(response)


def test_every_visitor_without_a_session_gets_the_same_bytes(client, home):
    page = StandardPageFactory(parent=home)

    first = client.get(page.url).content
    second = client.get(page.url, HTTP_USER_AGENT="Another browser").content

    assert first == second


def test_a_signed_in_member_of_the_public_sees_no_userbar(client, home, django_user_model):
    page = StandardPageFactory(parent=home)
    client.force_login(django_user_model.objects.create_user(username="reader", password="x"))

    response = client.get(page.url)

    assert USERBAR not in response.content
    assert "public" in response["Cache-Control"]


def test_a_stale_session_cookie_gets_the_visitors_page(client, home):
    page = StandardPageFactory(parent=home)
    anonymous = client.get(page.url).content
    client.cookies["sessionid"] = "expired-or-forged"

    response = client.get(page.url)

    assert response.status_code == 200
    assert response.content == anonymous


def test_search_results_never_carry_the_userbar(client, home, editor):
    # Search results are kept by shared caches, whoever asked for them.
    client.force_login(editor)

    response = client.get("/search/", {"q": "leadership"})

    assert response.status_code == 200
    assert USERBAR not in response.content
