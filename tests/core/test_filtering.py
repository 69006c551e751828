"""core.filtering: a FilterSet over any queryset, with counted choices and bad values named."""

import django_filters
import pytest
from django.http import QueryDict

from core.filtering import Facet, FacetedFilterSet, YearFilter, filter_listing
from people.factories import PersonFactory
from people.models import Person

pytestmark = pytest.mark.django_db

ROLES = [("Chief Executive", "Chief Executive"), ("Director", "Director"), ("Nurse", "Nurse")]


class PersonFilterSet(FacetedFilterSet):
    """People by role (fixed choices), by honorific (choices counted from the data) and by the
    person themself (a model row chosen by slug); `born` shows a year that is not faceted."""

    role = django_filters.ChoiceFilter(label="Role", choices=ROLES)
    honorific = django_filters.CharFilter(label="Title")
    person = django_filters.ModelChoiceFilter(
        label="Person",
        queryset=Person.objects.all(),
        to_field_name="slug",
        method=lambda queryset, name, person: queryset.filter(pk=person.pk),
    )
    born = YearFilter(label="Year", field_name="pk")

    facets = {
        "role": Facet("role"),
        "honorific": Facet("honorific"),
        "person": Facet("slug", label="name"),
    }


@pytest.fixture
def people(db):
    return [
        PersonFactory(name="Ada", slug="ada", honorific="Dr", role="Director"),
        PersonFactory(name="Bea", slug="bea", honorific="Dr", role="Nurse"),
        PersonFactory(name="Cy", slug="cy", honorific="Professor", role="Director"),
        PersonFactory(name="Di", slug="di", honorific="Professor", role="Director"),
    ]


def build(query):
    return PersonFilterSet(QueryDict(query), queryset=Person.objects.order_by("name"))


def counted(filterset, name):
    return [(o["value"], o["label"], o["count"], o["selected"]) for o in filterset.options(name)]


def test_no_choice_lists_everything_and_counts_each_choice(people):
    filterset = build("")

    assert list(filterset.narrowed()) == people
    # Fixed choices keep their order; a choice that gives nothing is not offered.
    assert counted(filterset, "role") == [
        ("Director", "Director", 3, False),
        ("Nurse", "Nurse", 1, False),
    ]
    assert counted(filterset, "honorific") == [
        ("Dr", "Dr", 2, False),
        ("Professor", "Professor", 2, False),
    ]
    assert [o[0] for o in counted(filterset, "person")] == ["ada", "bea", "cy", "di"]


def test_each_facet_is_counted_with_the_other_choices_only(people):
    filterset = build("role=Director&honorific=Dr")

    assert [p.name for p in filterset.narrowed()] == ["Ada"]
    # Roles among the doctors, titles among the directors.
    assert counted(filterset, "role") == [
        ("Director", "Director", 1, True),
        ("Nurse", "Nurse", 1, False),
    ]
    assert counted(filterset, "honorific") == [
        ("Dr", "Dr", 1, True),
        ("Professor", "Professor", 2, False),
    ]


def test_a_chosen_value_that_gives_nothing_stays_shown_and_selected(people):
    filterset = build("role=Nurse&person=ada")

    assert list(filterset.narrowed()) == []
    assert ("ada", "Ada", 0, True) in counted(filterset, "person")
    assert ("Nurse", "Nurse", 0, True) in counted(filterset, "role")


@pytest.mark.parametrize(
    ("query", "name", "shown"),
    [
        ("role=Pilot", "role", "Pilot"),
        ("person=nobody", "person", "nobody"),
        ("born=abc", "born", "abc"),
        ("born=2024.5", "born", "2024.5"),
        ("born=0", "born", "0"),
        ("born=100000", "born", "100000"),
        ("person=no%00body", "person", "nobody"),
    ],
)
def test_a_bad_value_is_left_out_and_named(people, query, name, shown):
    filterset = build("honorific=Professor&" + query)

    assert name in filterset.invalid()
    assert filterset.chosen == {"honorific": "Professor"}
    assert [p.name for p in filterset.narrowed()] == ["Cy", "Di"]
    [message] = filterset.errors_text()
    assert f"“{shown}”" in message
    assert str(filterset.filters[name].label).lower() in message


def test_a_very_long_bad_value_is_shown_cut_short(people):
    [message] = build("role=" + "x" * 500).errors_text()

    assert "x" * 60 + "…" in message
    assert "x" * 61 not in message


def test_blank_values_are_no_choice(people):
    filterset = build("role=&honorific=%20&person=")

    assert filterset.invalid() == {}
    assert filterset.chosen == {}


def test_filter_listing_describes_the_form(people, rf):
    queryset, form = filter_listing(
        PersonFilterSet, rf.get("/", {"role": "Director", "person": "cy"}), Person.objects.all()
    )

    assert [p.name for p in queryset] == ["Cy"]
    assert [field["name"] for field in form["fields"]] == ["role", "honorific", "person", "born"]
    assert form["fields"][0]["id"] == "filter-role"
    assert form["chosen"] == [
        {"label": "Role", "value": "Director"},
        {"label": "Person", "value": "Cy"},
    ]
    assert form["is_filtered"] is True
    assert form["errors"] == []


def test_counts_are_a_query_per_facet_however_many_rows_and_choices(django_assert_num_queries):
    for n in range(3):
        PersonFactory(name=f"Few {n}", role="Director")
    with django_assert_num_queries(3) as few:
        build("role=Director").options("role")
        build("honorific=Dr").options("honorific")
        build("role=Nurse").options("person")
    for n in range(30):
        PersonFactory(name=f"Many {n}", honorific=f"Title {n}", role=ROLES[n % 3][0])
    with django_assert_num_queries(3):
        build("role=Director").options("role")
        build("honorific=Dr").options("honorific")
        build("role=Nurse").options("person")
    assert len(few.captured_queries) == 3


class FocusAreaFilterSet(FacetedFilterSet):
    slug = django_filters.CharFilter(label="Address")
    year = YearFilter(label="Year", field_name="first_published_at", lookup_expr="year")
    facets = {"slug": Facet("slug", label="title")}


@pytest.fixture
def filtered_index(monkeypatch, focus_area_index, focus_areas):
    """The focus areas' index, filtered as any ListingPage with a `filterset_class` is."""
    monkeypatch.setattr(type(focus_area_index), "filterset_class", FocusAreaFilterSet)
    return focus_area_index


def test_a_listing_page_with_a_filterset_lists_what_it_gives(client, filtered_index):
    response = client.get(filtered_index.url, {"slug": "research"})

    assert response.status_code == 200
    assert [page.title for page in response.context["items"]] == ["Research"]
    filters = response.context["filters"]
    assert filters["chosen"] == [{"label": "Address", "value": "Research"}]
    # Counted with the other filters (none): each address gives one, sorted by title.
    assert [(o["value"], o["count"]) for o in filters["fields"][0]["options"]] == [
        ("development", 1),
        ("evaluation", 1),
        ("research", 1),
    ]


def test_a_listing_page_answers_a_bad_filter_value_with_400_and_says_why(client, filtered_index):
    response = client.get(filtered_index.url, {"slug": "research", "year": "abc"})

    assert response.status_code == 400
    assert response.context["filters"]["errors"] == [
        "“abc” is not a year these can be filtered by, so that filter was left out."
    ]
    # The usable filter still applies: the page is not silently something else.
    assert [page.title for page in response.context["items"]] == ["Research"]


def test_a_listing_page_without_a_filterset_ignores_the_query_string(client, focus_area_index):
    response = client.get(focus_area_index.url, {"year": "abc"})

    assert response.status_code == 200
    assert response.context["filters"] == {}


def test_a_page_of_filtered_results_that_does_not_exist_is_not_found(client, filtered_index):
    assert client.get(filtered_index.url, {"slug": "research", "page": "2"}).status_code == 404
    assert client.get(filtered_index.url, {"slug": "research", "page": "x"}).status_code == 404
