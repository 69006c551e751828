"""The default Site's address follows where the site runs; the admin warns while it is localhost."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Site

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
WARNING = "The site's address is still"


def ensure_site(*args):
    out = StringIO()
    call_command("ensure_site", *args, stdout=out)
    return out.getvalue()


def default_site():
    return Site.objects.get(is_default_site=True)


def test_the_site_answers_where_make_run_serves(home, client):
    ensure_site("--url", "http://127.0.0.1:8123")

    assert (default_site().hostname, default_site().port) == ("127.0.0.1", 8123)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8123/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_production_takes_the_address_from_site_url(home, settings):
    settings.SITE_URL = "https://leadership.example.ac.uk"

    out = ensure_site()

    assert (default_site().hostname, default_site().port) == ("leadership.example.ac.uk", 443)
    assert default_site().root_url == "https://leadership.example.ac.uk"
    assert "now answers at https://leadership.example.ac.uk" in out
    assert "The Site is at" in ensure_site()  # a second run changes nothing


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("leadership.example.ac.uk", "Enter a valid URL"),
        ("ftp://leadership.example.ac.uk", "Enter a valid URL"),
        ("https://leadership.example.ac.uk/portal/", "without a path"),
    ],
)
def test_a_bad_address_is_refused_with_a_message(home, url, message):
    with pytest.raises(CommandError, match=message):
        ensure_site("--url", url)
    assert default_site().hostname == "localhost"


def test_without_an_address_it_says_what_to_set(home, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="Give --url or set SITE_URL"):
        ensure_site()


def test_make_run_points_the_site_at_its_port_before_serving():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout

    ensure = dry_run.index("manage.py ensure_site --url http://127.0.0.1:8123")
    assert ensure < dry_run.index("manage.py runserver 127.0.0.1:8123")


def test_the_dashboard_warns_while_a_production_site_is_localhost(home, admin_client, settings):
    settings.DEBUG = False
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert WARNING in html
    assert reverse("wagtailsites:edit", args=(default_site().pk,)) in html


def test_no_warning_once_the_site_has_its_address(home, admin_client, settings):
    settings.DEBUG = False
    ensure_site("--url", "https://leadership.example.ac.uk")

    assert WARNING not in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_no_warning_on_a_developers_machine(home, admin_client, settings):
    settings.DEBUG = True

    assert WARNING not in admin_client.get(reverse("wagtailadmin_home")).content.decode()
