"""The viewpoints listing's filters: focus area, year and author, with counts."""

import datetime

import pytest

from people.factories import PersonFactory
from tests.publications.test_filters import options, text, titles
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def views(viewpoint_index, focus_areas):
    """Four viewpoints: two by Jon Glasby, one by K. Newbigging, one by the centre."""
    evaluation, development, _ = focus_areas
    glasby = PersonFactory(name="Jon Glasby", slug="jon-glasby")
    newbigging = PersonFactory(name="K. Newbigging", slug="k-newbigging")

    def publish(title, date, areas, author):
        ViewpointPageFactory(
            parent=viewpoint_index, title=title, date=date, focus_areas=areas, author=author
        )

    publish("Boundaries", datetime.date(2024, 3, 14), [development], glasby)
    publish("Evidence", datetime.date(2024, 1, 2), [evaluation, development], newbigging)
    publish("Places", datetime.date(2023, 6, 1), [development], glasby)
    publish("Centre view", datetime.date(2022, 5, 5), [], None)
    return viewpoint_index


def test_unfiltered_the_index_offers_every_choice_with_its_count(client, views):
    response = client.get(views.url)

    assert response.status_code == 200
    assert "4 viewpoints" in text(response)
    assert options(response, "focus_area") == [
        ("", "Any focus area", False),
        ("evaluation", "Evaluation (1)", False),
        ("development", "Development (3)", False),
    ]
    assert options(response, "year") == [
        ("", "Any year", False),
        ("2024", "2024 (2)", False),
        ("2023", "2023 (1)", False),
        ("2022", "2022 (1)", False),
    ]
    # The centre's own viewpoint has no author to choose.
    assert options(response, "author") == [
        ("", "Any author", False),
        ("jon-glasby", "Jon Glasby (2)", False),
        ("k-newbigging", "K. Newbigging (1)", False),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("focus_area=evaluation", ["Evidence"]),
        ("focus_area=development", ["Boundaries", "Evidence", "Places"]),
        ("year=2024", ["Boundaries", "Evidence"]),
        ("year=2022", ["Centre view"]),
        ("author=jon-glasby", ["Boundaries", "Places"]),
    ],
)
def test_each_filter_narrows_the_list(client, views, query, expected):
    response = client.get(f"{views.url}?{query}")

    assert response.status_code == 200
    assert titles(response) == expected


def test_filters_combine_and_each_count_is_given_the_others(client, views):
    response = client.get(f"{views.url}?focus_area=development&year=2024")

    assert titles(response) == ["Boundaries", "Evidence"]
    assert "2 viewpoints for focus area Development and year 2024" in text(response)
    assert options(response, "year") == [
        ("", "Any year", False),
        ("2024", "2024 (2)", True),
        ("2023", "2023 (1)", False),
    ]
    assert options(response, "author") == [
        ("", "Any author", False),
        ("jon-glasby", "Jon Glasby (1)", False),
        ("k-newbigging", "K. Newbigging (1)", False),
    ]


def test_no_results_names_the_filters_and_offers_to_clear_them(client, views):
    response = client.get(f"{views.url}?author=k-newbigging&year=2022")

    assert response.status_code == 200
    assert titles(response) == []
    words = text(response)
    assert "No viewpoints for year 2022 and author K. Newbigging." in words
    assert f'<a class="filters__clear" href="{views.url}">Clear filters</a>' in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("focus_area=nowhere", "There is no focus area “nowhere”"),
        ("year=abc", "There is no year “abc”"),
        ("year=0", "There is no year “0”"),
        ("year=10000", "There is no year “10000”"),
        ("author=nobody", "There is no author “nobody”"),
        ("author=jon%00glasby", "There is no author “jonglasby”"),
    ],
)
def test_a_bad_value_is_named_left_out_and_answered_with_400(client, views, query, message):
    response = client.get(f"{views.url}?focus_area=evaluation&{query}")

    assert response.status_code == 400
    assert message in text(response)
    if not query.startswith("focus_area"):
        assert titles(response) == ["Evidence"]


def test_paging_keeps_the_filters(client, views):
    for n in range(11):
        ViewpointPageFactory(
            parent=views, title=f"View {n:02d}", date=datetime.date(2021, 1, n + 1)
        )

    html = client.get(f"{views.url}?year=2021").content.decode()

    assert 'href="?year=2021&amp;page=2"' in html
    assert titles(client.get(f"{views.url}?year=2021&page=2")) == ["View 00"]


def make_views(index, focus_areas, count):
    """`count` viewpoints, each by a new author in its own year: more items, more choices."""
    for n in range(count):
        ViewpointPageFactory(
            parent=index,
            date=datetime.date(2000 + n, 1, 1),
            author=PersonFactory(),
            focus_areas=focus_areas[: 1 + n % 3],
        )


# Every filter chosen: a fixed number of queries, however many viewpoints and choices.
FILTERED_QUERIES = 15


def test_filtered_query_count_is_flat_in_items_and_choices(views, focus_areas, count_queries):
    url = f"{views.url}?focus_area=development&year=2024&author=jon-glasby"
    make_views(views, focus_areas, 2)
    few = count_queries(url)

    make_views(views, focus_areas, 12)
    many = count_queries(url)

    assert few == many == FILTERED_QUERIES
