"""What every page tells caches and browsers: who may keep it, and what it may run."""

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

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


# ---------------------------------------------------------------------------
# Permissions-Policy and Cross-Origin-Resource-Policy: on every answer, admin included.


def permissions(response):
    """The Permissions-Policy header as {feature: allowlist}."""
    policy = {}
    for part in response["Permissions-Policy"].split(","):
        feature, _, allowed = part.strip().partition("=")
        policy[feature] = allowed
    return policy


PLAYERS = '"https://www.youtube-nocookie.com" "https://player.vimeo.com"'


def test_pages_turn_off_the_features_the_site_never_uses(client, public_pages):
    for page in public_pages:
        response = client.get(page.url)

        policy = permissions(response)
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "display-capture"):
            assert policy[feature] == "()", (page.url, feature)
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", page.url


def test_the_video_players_may_do_what_their_frame_asks_for(client, home):
    policy = permissions(client.get(home.url))
    script = (settings.BASE_DIR / "static" / "js" / "site.js").read_text()

    # The frame the play button creates (static/js/site.js) asks for these three.
    assert 'iframe.allow = "autoplay; fullscreen; picture-in-picture"' in script
    for feature in ("autoplay", "fullscreen", "picture-in-picture"):
        assert policy[feature] == f"(self {PLAYERS})", feature


@pytest.mark.parametrize(
    "path", ["/no-such-page/", "/static/css/site.css", "/robots.txt", "/admin/login/"]
)
def test_every_answer_carries_the_policies(client, home, path):
    response = client.get(path)

    assert response.status_code in (200, 404), path
    assert permissions(response)["camera"] == "()", path
    assert response["Cross-Origin-Resource-Policy"] == "same-origin", path


def test_the_admin_may_only_be_framed_by_itself_and_post_to_itself(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")

    assert response.status_code == 200
    policy = {part.strip().split(" ")[0]: part.strip() for part in csp(response).split(";") if part}
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert policy["base-uri"] == "base-uri 'self'"
    assert policy["form-action"] == "form-action 'self'"
    assert "'unsafe-inline'" in policy["script-src"]


def test_live_preview_still_shows_the_page_in_the_admin(admin_client, home):
    # The preview is framed by the admin on the same origin: 'self' allows it.
    page = StandardPageFactory(parent=home, title="About", summary="About the centre.")
    edit_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = nested_form_data(
        {
            "title": "About, under preview",
            "slug": page.slug,
            "summary": "About the centre.",
            "body": streamfield([("paragraph", rich_text("<p>Previewed words.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    posted = admin_client.post(edit_url, form)
    response = admin_client.get(edit_url)

    assert posted.status_code == 200
    assert posted.json()["is_valid"] is True, posted.json()
    assert response.status_code == 200
    assert b"Previewed words." in response.content
    assert "frame-ancestors 'self'" in csp(response)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
