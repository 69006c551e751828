"""`manage.py generate_pages --pages N`: realistic, working pages of every type, written in bulk."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.models import StandardPage
from devdata.generate import KINDS, Generator
from interviews.models import InterviewPage
from programmes.models import ProgrammePage
from publications.models import PublicationPage
from search.models import SearchTerm
from viewpoints.models import ViewpointPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    call_command("generate_pages", pages=80, verbosity=0)


def test_it_adds_live_pages_of_every_type_and_indexes_them(generated, client):
    for model in (ProgrammePage, InterviewPage, ViewpointPage, PublicationPage, StandardPage):
        assert model.objects.live().exists(), model
    assert Page.objects.filter(depth__gte=3).count() >= 80
    assert not Page.objects.filter(live=False).exists()
    interview = InterviewPage.objects.first()
    assert interview.transcript_is_timed and interview.leader is not None
    assert any(p.value["speaker"] == interview.leader.name for p in interview.transcript)
    # Searchable at once, with the vocabulary for suggestions built.
    response = client.get("/search/", {"q": "leadership"})
    assert b"search-result__link" in response.content
    assert SearchTerm.objects.filter(word="leadership").exists()


def test_the_tree_is_sound(generated):
    # evil characters, bad step length, orphans, wrong depth, wrong child count
    assert Page.find_problems() == ([], [], [], [], [])
    for page in Page.objects.filter(depth__gte=3).select_related("content_type")[:50]:
        parent = page.get_parent()
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert page.specific_class is page.content_type.model_class()


def test_every_type_renders_is_listed_and_found(generated, client):
    for model in KINDS:
        page = model.objects.live().order_by("-pk").first()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
        found = client.get("/search/", {"q": page.title}).content.decode()
        assert page.url in found, page.title
    for model in (ProgrammePage, InterviewPage, ViewpointPage, PublicationPage):
        parent = model.objects.first().get_parent()
        listing = client.get(parent.url).content.decode()
        assert any(child.url in listing for child in model.objects.child_of(parent)), parent


def test_pages_name_people_partners_and_focus_areas(generated):
    assert PublicationPage.objects.filter(authors__isnull=False).exists()
    assert not PublicationPage.objects.filter(authors__isnull=True).exists()
    assert ProgrammePage.objects.filter(partners__isnull=False).exists()
    assert ViewpointPage.objects.filter(focus_areas__isnull=False).exists()


def test_it_adds_to_what_is_there():
    call_command("generate_pages", pages=10, verbosity=0)
    call_command("generate_pages", pages=10, seed=2, verbosity=0)

    assert Page.objects.filter(depth__gte=3).count() >= 20
    assert Page.find_problems() == ([], [], [], [], [])
    paths = list(Page.objects.values_list("path", flat=True))
    assert len(paths) == len(set(paths))


def test_a_seed_repeats_its_pages():
    def first_pages(seed):
        generator = Generator(seed=seed)
        generator.structure(10)
        parent = generator.parents[ProgrammePage]
        return [
            (page.title, page.summary, page.place, page.start_date, str(page.body.raw_data))
            for page, _ in (generator.programme(parent) for _ in range(3))
        ]

    Generator(seed=1).structure(10)  # the same site to start from, people and partners made
    assert first_pages(4) == first_pages(4)
    assert first_pages(4) != first_pages(5)


def test_writing_costs_the_same_queries_for_100_or_400_pages():
    Generator(seed=1).generate(5)
    counts = []
    for count in (100, 400):
        with CaptureQueriesContext(connection) as queries:
            Generator(seed=count).generate(count)
        counts.append(len(queries))
    # One insert per table per batch: only which link tables a draw touches may differ.
    assert abs(counts[0] - counts[1]) <= 2 and counts[1] < 50


def test_it_shows_progress(capsys):
    call_command("generate_pages", pages=5, verbosity=1)
    err = capsys.readouterr().err
    assert "Pages: 100%" in err and "5/5" in err
    assert "Search index: 100%" in err


@pytest.mark.parametrize("pages", [0, -5, 100_001])
def test_it_refuses_silly_numbers(pages):
    with pytest.raises(CommandError):
        call_command("generate_pages", pages=pages, verbosity=0)
