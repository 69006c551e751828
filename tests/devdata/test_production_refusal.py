"""Every development-data command refuses production settings unless forced."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

pytestmark = pytest.mark.django_db

COMMANDS = [
    ("load_seed_content", {}),
    ("ensure_admin", {}),
    ("generate_pages", {"pages": 5}),
]


@pytest.mark.parametrize(("name", "options"), COMMANDS)
def test_refused_with_production_settings(name, options, settings):
    settings.SETTINGS_MODULE = "portal.settings.production"
    pages, users = Page.objects.count(), get_user_model().objects.count()
    with pytest.raises(CommandError, match="production"):
        call_command(name, verbosity=0, **options)
    assert (Page.objects.count(), get_user_model().objects.count()) == (pages, users)


@pytest.mark.parametrize(("name", "options"), COMMANDS)
def test_refused_when_the_environment_names_production(name, options, monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    with pytest.raises(CommandError, match="--force-production"):
        call_command(name, verbosity=0, **options)


def test_forcing_runs_it(settings):
    settings.SETTINGS_MODULE = "portal.settings.production"
    call_command("ensure_admin", force_production=True, verbosity=0)
    assert get_user_model().objects.filter(username="admin").exists()
