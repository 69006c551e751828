"""People and partners: how they are named, and the slugs their addresses are made from."""

import importlib

import pytest

from devdata.seed.loader import load_seed
from people.factories import PartnerFactory, PersonFactory
from people.models import Partner, Person
from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


class MovedModels:
    """Stands in for a migration's `apps`: the slug fills ran when the models had other homes."""

    models = {"interviews.Person": Person, "programmes.Partner": Partner}

    def get_model(self, app_label, model_name):
        return self.models[f"{app_label}.{model_name}"]


def test_a_person_is_named_with_their_honorific():
    person = PersonFactory(
        honorific="Professor",
        name="Jon Glasby",
        role="Head of School of Social Policy",
        organisation="University of Birmingham",
    )

    assert str(person) == "Professor Jon Glasby"
    assert person.role_and_organisation == (
        "Head of School of Social Policy, University of Birmingham"
    )


def test_a_person_without_honorific_or_organisation():
    person = PersonFactory(
        honorific="", name="Sarah-Jane Marsh", role="Chief Executive", organisation=""
    )

    assert person.full_name == "Sarah-Jane Marsh"
    assert person.role_and_organisation == "Chief Executive"
    assert Person.objects.get().interviews.count() == 0


def test_partners_are_listed_by_name_and_shared_between_programmes(programme_index):
    strategy_unit = PartnerFactory(name="The Strategy Unit")
    hee = PartnerFactory(name="Health Education England")
    first = ProgrammePageFactory(parent=programme_index, partners=[strategy_unit, hee])
    second = ProgrammePageFactory(parent=programme_index, partners=[hee])

    assert [p.name for p in first.partners.all()] == [
        "Health Education England",
        "The Strategy Unit",
    ]
    assert set(hee.programmes.all()) == {first, second}
    assert PartnerFactory(name="The Strategy Unit") == strategy_unit
    assert Partner.objects.count() == 2
    assert str(hee) == "Health Education England"


# ---------------------------------------------------------------------------
# Slugs


def test_slugs_are_made_from_names_and_never_repeat():
    first = PersonFactory(name="Jon Glasby")
    namesake = PersonFactory(name="Jon Glasby")
    accented = PersonFactory(name="Zoë Ó Briain")
    chosen = PersonFactory(name="Sarah-Jane Marsh", slug="sj-marsh")
    partner = PartnerFactory(name="Health Education England (West Midlands)")

    assert (first.slug, namesake.slug) == ("jon-glasby", "jon-glasby-2")
    assert accented.slug == "zoe-o-briain"
    assert chosen.slug == "sj-marsh"
    assert partner.slug == "health-education-england-west-midlands"
    namesake.name = "Jon Glasby Jr"
    namesake.save()
    assert namesake.slug == "jon-glasby-2"


def test_a_name_with_no_letters_for_a_slug_still_gets_one():
    assert PersonFactory(name="王伟").slug == "person"
    assert PartnerFactory(name="+++").slug == "partner"


def test_the_seed_gives_every_person_and_partner_a_page(client):
    load_seed()

    people = list(Person.objects.all())
    partners = list(Partner.objects.all())

    assert people and partners
    for obj in people + partners:
        assert obj.slug
        assert client.get(obj.get_absolute_url()).status_code == 200, obj


@pytest.mark.parametrize(
    ("module", "model_name", "names", "slugs"),
    [
        (
            "interviews.migrations.0003_fill_person_slugs",
            "interviews.Person",
            ["Jon Glasby", "Jon Glasby", "!!!"],
            ["jon-glasby", "jon-glasby-2", "person"],
        ),
        (
            "programmes.migrations.0003_fill_partner_slugs",
            "programmes.Partner",
            ["Strategy Unit", "Strategy-Unit", "HEE"],
            ["strategy-unit", "strategy-unit-2", "hee"],
        ),
    ],
)
def test_the_data_migration_gives_existing_rows_unique_slugs(module, model_name, names, slugs):
    model = MovedModels().get_model(*model_name.split("."))
    rows = [model.objects.create(name=name) for name in names]
    # Before the migration the slugs are empty; with the unique index in place, each row here
    # gets a placeholder of its own instead, which the fill replaces.
    for row in rows:
        model.objects.filter(pk=row.pk).update(slug=f"placeholder-{row.pk}")

    importlib.import_module(module).fill_slugs(MovedModels(), None)

    assert [model.objects.get(pk=row.pk).slug for row in rows] == slugs
