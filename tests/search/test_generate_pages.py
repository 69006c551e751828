"""`manage.py generate_pages --pages N`: realistic pages of every type, searchable at once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from core.models import StandardPage
from interviews.models import InterviewPage
from programmes.models import ProgrammePage
from publications.models import PublicationPage
from search.models import SearchTerm
from viewpoints.models import ViewpointPage

pytestmark = pytest.mark.django_db


def test_it_adds_live_pages_of_every_type_and_indexes_them(client):
    before = Page.objects.count()

    call_command("generate_pages", pages=60, verbosity=0)

    for model in (ProgrammePage, InterviewPage, ViewpointPage, PublicationPage, StandardPage):
        assert model.objects.live().exists(), model
    content_pages = Page.objects.filter(depth__gte=3).count()
    assert Page.objects.count() - before >= 60 and content_pages >= 60
    assert not Page.objects.filter(live=False).exclude(depth=2).exists()
    interview = InterviewPage.objects.first()
    assert interview.transcript_is_timed and interview.leader is not None
    # The tree is sound: every page is served at its URL.
    for page in list(Page.objects.filter(depth__gte=3).specific()[:15]):
        assert client.get(page.url).status_code == 200, page.url
    # Searchable at once, with the vocabulary for suggestions built.
    response = client.get("/search/", {"q": "leadership"})
    assert b"search-result__link" in response.content
    assert SearchTerm.objects.filter(word="leadership").exists()


def test_it_adds_to_what_is_there(client):
    call_command("generate_pages", pages=10, verbosity=0)
    call_command("generate_pages", pages=10, seed=2, verbosity=0)

    assert Page.objects.filter(depth__gte=3).count() >= 20
    paths = list(Page.objects.values_list("path", flat=True))
    assert len(paths) == len(set(paths))


@pytest.mark.parametrize("pages", [0, -5, 100_001])
def test_it_refuses_silly_numbers(pages):
    with pytest.raises(CommandError):
        call_command("generate_pages", pages=pages, verbosity=0)


def test_it_refuses_production_settings(settings):
    settings.SETTINGS_MODULE = "portal.settings.production"
    with pytest.raises(CommandError, match="production"):
        call_command("generate_pages", pages=5, verbosity=0)
