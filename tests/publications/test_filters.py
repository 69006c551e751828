"""The publications listing's filters: focus area, type, year and author, with counts."""

import re

import pytest
from django.utils.html import strip_tags

from focus_areas.factories import FocusAreaPageFactory
from people.factories import PersonFactory
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationKind

pytestmark = pytest.mark.django_db


def text(response):
    """The page's words, as a visitor reads them."""
    return " ".join(strip_tags(response.content.decode()).split())


def options(response, name):
    """[(value, text, selected)] of the `name` select's options."""
    html = response.content.decode()
    select = re.search(rf'<select[^>]* name="{name}">(.*?)</select>', html, re.S).group(1)
    return [
        (value, " ".join(label.split()), bool(selected))
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    ]


def titles(response):
    return re.findall(r'class="card__link"[^>]*>\s*([^<]+?)\s*<', response.content.decode())


@pytest.fixture
def library(publication_index, focus_areas):
    """Five publications across two focus areas, three kinds, three years and three authors."""
    evaluation, development, research = focus_areas
    newbigging = PersonFactory(name="K. Newbigging", slug="k-newbigging")
    weir = PersonFactory(name="B. Weir", slug="b-weir")
    glasby = PersonFactory(name="Jon Glasby", slug="jon-glasby")

    def publish(title, kind, year, areas, people):
        return PublicationPageFactory(
            parent=publication_index,
            title=title,
            kind=kind,
            year=year,
            focus_areas=areas,
            authors=authors(*people),
        )

    publish(
        "Bristol evaluation", PublicationKind.EVALUATION, 2017, [evaluation], [newbigging, weir]
    )
    publish("Place report", PublicationKind.REPORT, 2017, [development], [glasby])
    publish(
        "Second evaluation", PublicationKind.EVALUATION, 2019, [evaluation, development], [weir]
    )
    publish("Briefing", PublicationKind.BRIEFING, 2019, [development], [glasby])
    publish("Undated report", PublicationKind.REPORT, None, [], [glasby])
    return publication_index


def test_unfiltered_the_index_offers_every_choice_with_its_count(client, library):
    response = client.get(library.url)

    assert response.status_code == 200
    assert "5 publications" in text(response)
    # Focus areas in the editors' order; Research has no publications, so is not offered.
    assert options(response, "focus_area") == [
        ("", "Any focus area", False),
        ("evaluation", "Evaluation (2)", False),
        ("development", "Development (3)", False),
    ]
    # Types in their fixed order, only those that some publication has.
    assert options(response, "kind") == [
        ("", "Any type", False),
        ("report", "Report (2)", False),
        ("evaluation", "Evaluation (2)", False),
        ("briefing", "Briefing (1)", False),
    ]
    # Newest first; the undated report has no year to offer.
    assert options(response, "year") == [
        ("", "Any year", False),
        ("2019", "2019 (2)", False),
        ("2017", "2017 (2)", False),
    ]
    assert options(response, "author") == [
        ("", "Any author", False),
        ("b-weir", "B. Weir (2)", False),
        ("jon-glasby", "Jon Glasby (3)", False),
        ("k-newbigging", "K. Newbigging (1)", False),
    ]
    assert "Clear filters" not in text(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("focus_area=evaluation", ["Second evaluation", "Bristol evaluation"]),
        ("focus_area=development", ["Briefing", "Second evaluation", "Place report"]),
        ("kind=report", ["Undated report", "Place report"]),
        ("year=2017", ["Bristol evaluation", "Place report"]),
        ("author=b-weir", ["Second evaluation", "Bristol evaluation"]),
        ("author=jon-glasby", ["Undated report", "Briefing", "Place report"]),
    ],
)
def test_each_filter_narrows_the_list(client, library, query, expected):
    response = client.get(f"{library.url}?{query}")

    assert response.status_code == 200
    assert titles(response) == expected
    count = len(expected)
    assert f"{count} publication{'s' if count > 1 else ''} for " in text(response)


def test_filters_combine_and_each_count_is_given_the_others(client, library):
    response = client.get(f"{library.url}?focus_area=development&year=2019&author=jon-glasby")

    assert titles(response) == ["Briefing"]
    assert "1 publication for focus area Development, year 2019 and author Jon Glasby" in text(
        response
    )
    # Each filter's counts are those of the other two filters' publications.
    assert options(response, "focus_area") == [
        ("", "Any focus area", False),
        ("development", "Development (1)", True),
    ]
    assert options(response, "year") == [
        ("", "Any year", False),
        ("2019", "2019 (1)", True),
        ("2017", "2017 (1)", False),
    ]
    assert options(response, "author") == [
        ("", "Any author", False),
        ("b-weir", "B. Weir (1)", False),
        ("jon-glasby", "Jon Glasby (1)", True),
    ]
    assert options(response, "kind") == [
        ("", "Any type", False),
        ("briefing", "Briefing (1)", False),
    ]


def test_no_results_names_the_filters_and_offers_to_clear_them(client, library):
    response = client.get(f"{library.url}?kind=briefing&year=2017")

    assert response.status_code == 200
    assert titles(response) == []
    words = text(response)
    assert "0 publications for type Briefing and year 2017" in words
    assert "No publications for type Briefing and year 2017." in words
    # Both chosen values stay chosen, though each gives nothing with the other.
    assert ("briefing", "Briefing (0)", True) in options(response, "kind")
    assert ("2017", "2017 (0)", True) in options(response, "year")
    assert response.content.decode().count(f'href="{library.url}"') >= 2
    assert "clear filters" in words.lower()


def test_the_form_is_a_get_form_to_the_index_with_labels_and_a_button(client, library):
    html = client.get(f"{library.url}?year=2017").content.decode()

    form = re.search(r"<form class=\"filters[^\"]*\"[^>]*>", html).group(0)
    assert 'method="get"' in form and f'action="{library.url}"' in form
    assert 'aria-labelledby="filters-heading"' in form
    assert '<h2 class="filters__heading" id="filters-heading">Filter publications</h2>' in html
    for name, label in [
        ("focus-area", "Focus area"),
        ("kind", "Type"),
        ("year", "Year"),
        ("author", "Author"),
    ]:
        assert f'<label class="form-field__label" for="filter-{name}">{label}</label>' in html
        assert f'id="filter-{name}"' in html
    assert '<button class="button button--primary filters__submit" type="submit">' in html
    assert f'<a class="filters__clear" href="{library.url}">Clear filters</a>' in html
    assert '<p class="result-count" role="status">' in html
    # Nothing to run: the form works without JavaScript.
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("focus_area=nowhere", "There is no focus area “nowhere”"),
        ("year=abc", "There is no year “abc”"),
        ("year=2017.5", "There is no year “2017.5”"),
        ("year=99999999999999999999", "There is no year “"),
        ("year=-1", "There is no year “-1”"),
        ("author=nobody", "There is no author “nobody”"),
        ("author=%00", "There is no author “"),
        ("focus_area=evaluation%00", "There is no focus area “evaluation”"),
    ],
)
def test_a_bad_value_is_named_left_out_and_answered_with_400(client, library, query, message):
    response = client.get(f"{library.url}?{query}&kind=evaluation")

    assert response.status_code == 400
    words = text(response)
    assert "Some filters could not be used" in words
    assert message in words
    # The filter that could be used still is, and the page says what it shows.
    assert titles(response) == ["Second evaluation", "Bristol evaluation"]
    assert "2 publications for type Evaluation" in words


def test_an_unknown_type_is_named_and_every_type_shown(client, library):
    response = client.get(f"{library.url}?kind=novel&year=2019")

    assert response.status_code == 400
    assert "There is no type “novel”" in text(response)
    assert titles(response) == ["Briefing", "Second evaluation"]


def test_paging_keeps_the_filters_and_a_new_choice_starts_at_page_one(client, library):
    for n in range(12):
        PublicationPageFactory(
            parent=library, title=f"Briefing {n:02d}", kind=PublicationKind.BRIEFING, year=2020
        )

    first = client.get(f"{library.url}?kind=briefing&year=2020")
    html = first.content.decode()

    assert "12 publications for type Briefing and year 2020" in text(first)
    assert 'href="?kind=briefing&amp;year=2020&amp;page=2"' in html
    second = client.get(f"{library.url}?kind=briefing&year=2020&page=2")
    assert len(titles(second)) == 2
    assert 'href="?kind=briefing&amp;year=2020"' in second.content.decode()
    # The form sends only the filters: choosing again leads to the first page.
    assert 'name="page"' not in html
    assert client.get(f"{library.url}?kind=briefing&page=3").status_code == 404
    assert client.get(f"{library.url}?kind=briefing&page=x").status_code == 404


def test_a_draft_focus_area_is_no_choice(client, library, focus_area_index):
    hidden = FocusAreaPageFactory(parent=focus_area_index, title="Hidden", slug="hidden")
    hidden.unpublish()
    PublicationPageFactory(parent=library, title="Hidden one", focus_areas=[hidden])

    response = client.get(library.url)

    assert [value for value, _, _ in options(response, "focus_area")] == [
        "",
        "evaluation",
        "development",
    ]
    assert client.get(f"{library.url}?focus_area=hidden").status_code == 400


def test_an_author_named_twice_on_one_publication_counts_it_once(client, library):
    weir = PersonFactory(name="A. Twice", slug="a-twice")
    PublicationPageFactory(parent=library, title="Twice", year=2030, authors=authors(weir, weir))

    response = client.get(f"{library.url}?author=a-twice")

    assert titles(response) == ["Twice"]
    assert ("a-twice", "A. Twice (1)", True) in options(response, "author")
    assert ("2030", "2030 (1)", False) in options(response, "year")


def make_library(index, focus_areas, count):
    """`count` publications, each with new authors and its own year: more items, more choices."""
    for n in range(count):
        PublicationPageFactory(
            parent=index,
            year=2000 + n,
            kind=PublicationKind.values[n % len(PublicationKind.values)],
            authors=authors(PersonFactory(), PersonFactory()),
            focus_areas=focus_areas[: 1 + n % 3],
        )


# Every filter chosen: a fixed number of queries, however many publications and choices.
FILTERED_QUERIES = 16


def test_filtered_query_count_is_flat_in_items_and_choices(library, focus_areas, count_queries):
    url = f"{library.url}?focus_area=development&kind=report&year=2017&author=jon-glasby"
    make_library(library, focus_areas, 2)
    few = count_queries(url)

    make_library(library, focus_areas, 12)
    many = count_queries(url)

    assert few == many == FILTERED_QUERIES
