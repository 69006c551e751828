"""What every page tells caches and browsers: who may keep it, and what it may run."""

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_public_pages_may_be_kept_by_shared_caches(client, public_pages):
    for page in public_pages:
        response = client.get(page.url)

        assert response.status_code == 200, page.url
        directives = cache_control(response)
        assert "public" in directives, page.url
        assert f"max-age={settings.PAGE_CACHE_SECONDS}" in directives, page.url
        assert "private" not in directives, page.url


def test_public_pages_carry_nothing_specific_to_one_visitor(client, public_pages):
    for page in public_pages:
        response = client.get(page.url)

        assert not response.cookies, (page.url, list(response.cookies))
        assert "Set-Cookie" not in response.headers, page.url
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
        assert "cookie" not in vary, page.url
        assert b"csrfmiddlewaretoken" not in response.content, page.url


def test_a_restricted_page_is_private(client, home, django_user_model):
    page = StandardPageFactory(parent=home, title="Members only")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user(username="member", password="x"))

    response = client.get(page.url)

    assert response.status_code == 200
    assert b"Members only" in response.content
    directives = cache_control(response)
    assert "private" in directives
    assert "public" not in directives


def test_a_restricted_page_sends_visitors_to_log_in_and_is_not_shared(client, home):
    page = StandardPageFactory(parent=home, title="Members only")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert "public" not in cache_control(response)
    assert b"Members only" not in response.content


def test_a_page_under_a_restricted_page_is_private_too(client, home, django_user_model):
    parent = StandardPageFactory(parent=home)
    child = StandardPageFactory(parent=parent)
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user(username="member", password="x"))

    response = client.get(child.url)

    assert response.status_code == 200
    assert "private" in cache_control(response)


def test_the_contact_form_is_never_kept_by_shared_caches(client, contact_page):
    # It carries a CSRF token for one visitor.
    response = client.get(contact_page.url)

    assert response.status_code == 200
    directives = cache_control(response)
    assert "private" in directives
    assert "public" not in directives


# ---------------------------------------------------------------------------
# Content-Security-Policy: strict for the public site, looser for the admin.


def csp(response):
    return response.get("Content-Security-Policy", "")


def test_public_pages_have_a_strict_policy(client, public_pages):
    for page in public_pages:
        policy = csp(client.get(page.url))

        assert "default-src 'self'" in policy, page.url
        assert "script-src 'self'" in policy, page.url
        assert "'unsafe-inline'" not in policy, page.url
        assert "'unsafe-eval'" not in policy, page.url
        assert "object-src 'none'" in policy, page.url


def test_error_pages_have_the_strict_policy(client, home):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "default-src 'self'" in csp(response)
    assert "'unsafe-inline'" not in csp(response)


def test_public_templates_need_no_inline_code(client, public_pages):
    # The strict policy would block them: there must be nothing for it to block.
    for page in public_pages:
        content = client.get(page.url).content.decode()

        assert "style=" not in content, page.url
        assert " onclick=" not in content and " onload=" not in content, page.url
        for chunk in content.split("<script")[1:]:
            # Scripts come from files; a JSON-LD data block is never executed.
            chunk = chunk.lstrip()
            assert chunk.startswith(("src=", 'type="application/ld+json">')), page.url


@pytest.mark.parametrize("logged_in", [True, False], ids=["admin", "login-page"])
def test_the_admin_has_its_own_looser_policy(client, admin_user, home, logged_in):
    if logged_in:
        client.force_login(admin_user)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 200
    policy = csp(response)
    assert "'unsafe-inline'" in policy
    assert "default-src 'self'" in policy


def test_a_public_path_that_only_starts_like_admin_keeps_the_strict_policy(client, home):
    page = StandardPageFactory(parent=home, title="Administration", slug="administration")

    response = client.get(page.url)

    assert response.status_code == 200
    assert "'unsafe-inline'" not in csp(response)
