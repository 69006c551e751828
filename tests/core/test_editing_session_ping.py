"""The editor's tab pings the admin while a page is open; a malformed ping gets a clear 400."""

import pytest
from django.urls import reverse


@pytest.fixture
def ping_url(home):
    from core.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, title="About the centre")
    page.save_revision()
    session_url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=("wagtailcore", "page", page.pk, 0),
    )
    return page, session_url


@pytest.mark.parametrize("revision_id", ["", "latest", "-1", "1.5"])
def test_a_ping_with_a_malformed_revision_answers_400(admin_client, ping_url, revision_id):
    _page, url = ping_url
    response = admin_client.post(url, {"is_editing": "1", "revision_id": revision_id})
    assert response.status_code == 400
    assert response.json() == {"error": "revision_id must be a revision number"}


def test_a_ping_with_the_page_revision_is_answered(admin_client, ping_url):
    page, url = ping_url
    response = admin_client.post(
        url, {"is_editing": "1", "revision_id": str(page.latest_revision_id)}
    )
    assert response.status_code == 200
    assert response.json()["session_id"]


def test_a_ping_without_a_revision_is_answered(admin_client, ping_url):
    _page, url = ping_url
    assert admin_client.post(url, {"is_editing": "1"}).status_code == 200
