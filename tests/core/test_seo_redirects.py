"""Old addresses keep working: a renamed or moved page redirects, and so do editors' redirects."""

import pytest
from django.conf import settings
from wagtail.contrib.redirects.models import Redirect

from core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_redirects_are_installed_and_created_automatically():
    assert "wagtail.contrib.redirects" in settings.INSTALLED_APPS
    assert "wagtail.contrib.redirects.middleware.RedirectMiddleware" in settings.MIDDLEWARE
    # Wagtail's default; the site relies on it for renamed and moved pages.
    assert getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", True) is True


def test_a_page_whose_slug_changes_keeps_its_old_address(
    client, home, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home, slug="why-systems-leadership")
    old_url = page.url

    # Wagtail makes the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "why-it-matters"
        page.save_revision().publish()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/why-it-matters/"
    assert client.get("/why-it-matters/").status_code == 200


def test_a_moved_page_and_its_children_keep_their_old_addresses(client, home):
    about = StandardPageFactory(parent=home, slug="about")
    centre = StandardPageFactory(parent=home, slug="centre")
    page = StandardPageFactory(parent=about, slug="our-approach")
    child = StandardPageFactory(parent=page, slug="in-practice")

    page.move(centre, pos="last-child")

    moved = client.get("/about/our-approach/")
    moved_child = client.get("/about/our-approach/in-practice/")
    assert moved.status_code == 301 and moved["Location"] == "/centre/our-approach/"
    assert moved_child.status_code == 301
    assert moved_child["Location"] == "/centre/our-approach/in-practice/"
    child.refresh_from_db()
    assert child.url == "/centre/our-approach/in-practice/"
    assert client.get(child.url).status_code == 200


def test_a_redirect_an_editor_adds_works(client, home):
    page = StandardPageFactory(parent=home, slug="programmes-2019")
    Redirect.objects.create(old_path="/leadership-programmes", redirect_page=page)
    Redirect.objects.create(
        old_path="/old-report", redirect_link="https://example.ac.uk/report", is_permanent=False
    )

    to_page = client.get("/leadership-programmes/")
    to_link = client.get("/old-report/")

    assert to_page.status_code == 301 and to_page["Location"] == "/programmes-2019/"
    assert to_link.status_code == 302 and to_link["Location"] == "https://example.ac.uk/report"


def test_a_redirect_never_hides_a_live_page(client, home):
    page = StandardPageFactory(parent=home, slug="contact-us")
    other = StandardPageFactory(parent=home, slug="elsewhere")
    Redirect.objects.create(old_path="/contact-us", redirect_page=other)

    response = client.get(page.url)

    assert response.status_code == 200
