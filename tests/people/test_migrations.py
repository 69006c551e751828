"""Moving Person and Partner into this app keeps every row, every link to them and staff rights."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from interviews.factories import InterviewPageFactory
from interviews.models import InterviewPage
from people.factories import PartnerFactory, PersonFactory
from people.models import Partner, Person
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationPage
from viewpoints.factories import ViewpointPageFactory
from viewpoints.models import ViewpointPage

# Schema editors on SQLite refuse to run inside the transaction a plain django_db test opens.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.rewinds_schema,
]

# Unapplying the people app takes every app that points at it back to how it was.
BEFORE = [("people", None)]
# The schema before the move, for its historical models.
OLD = [
    ("interviews", "0004_person_slug_unique"),
    ("programmes", "0004_partner_slug_unique"),
    ("viewpoints", "0001_initial"),
    ("publications", "0002_doi_and_web_address"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.fixture
def back_to_latest():
    """Whatever happens in the test, the database ends on the latest schema for the next one."""
    yield
    migrate(latest())


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def tables():
    return set(connection.introspection.table_names())


def test_the_move_keeps_rows_links_and_rights(
    interview_index, viewpoint_index, publication_index, programme_index, back_to_latest
):
    leader = PersonFactory(name="Jon Glasby", honorific="Professor", with_photo=True)
    author = PersonFactory(name="Sarah-Jane Marsh")
    partner = PartnerFactory(name="The Strategy Unit", url="https://strategy.example")
    interview = InterviewPageFactory(parent=interview_index, leader=leader)
    viewpoint = ViewpointPageFactory(parent=viewpoint_index, author=author)
    report = PublicationPageFactory(parent=publication_index, authors=authors(author, leader))
    programme = ProgrammePageFactory(parent=programme_index, partners=[partner])
    person_type = ContentType.objects.get_for_model(Person)
    editors = Group.objects.create(name="People editors")
    editors.permissions.add(
        Permission.objects.get(content_type=person_type, codename="change_person")
    )

    migrate(BEFORE)
    old = MigrationExecutor(connection).loader.project_state(OLD).apps

    # The schema as it was: the models in interviews and programmes, under their old tables.
    assert {"interviews_person", "programmes_partner"} <= tables()
    assert not {"people_person", "people_partner"} & tables()
    assert ContentType.objects.get(pk=person_type.pk).app_label == "interviews"
    old_person = old.get_model("interviews", "Person")
    old_partner = old.get_model("programmes", "Partner")
    assert old_person.objects.get(pk=leader.pk).photo_id == leader.photo_id
    # Rows added while the old schema is in use must come through as well.
    added = old_person.objects.create(name="Added Before", slug="added-before")
    old.get_model("viewpoints", "ViewpointPage").objects.filter(pk=viewpoint.pk).update(
        author=added
    )
    second = old_partner.objects.create(name="Added Partner", slug="added-partner")
    # A parental many-to-many saves with its page; the link table takes the row directly.
    through = old.get_model("programmes", "ProgrammePage").partners.through
    through.objects.create(programmepage_id=programme.pk, partner_id=second.pk)

    migrate(latest())

    assert {"people_person", "people_partner"} <= tables()
    assert not {"interviews_person", "programmes_partner"} & tables()
    assert list(Person.objects.values_list("name", "slug")) == [
        ("Added Before", "added-before"),
        ("Jon Glasby", "jon-glasby"),
        ("Sarah-Jane Marsh", "sarah-jane-marsh"),
    ]
    assert Person.objects.get(pk=leader.pk).photo_id == leader.photo_id
    assert InterviewPage.objects.get(pk=interview.pk).leader == leader
    assert ViewpointPage.objects.get(pk=viewpoint.pk).author.name == "Added Before"
    report_authors = PublicationPage.objects.get(pk=report.pk).authors.order_by("sort_order")
    assert [row.person.name for row in report_authors] == ["Sarah-Jane Marsh", "Jon Glasby"]
    assert set(ProgrammePage.objects.get(pk=programme.pk).partners.all()) == set(
        Partner.objects.all()
    )
    assert Partner.objects.count() == 2
    # The same content type, so groups keep their rights and search entries their objects.
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Person).pk == person_type.pk
    assert editors.permissions.get().content_type.app_label == "people"
    # New rows still get ids after the rename (the id sequence moved with the table).
    assert Person.objects.create(name="Brand New").pk > added.pk
    assert Partner.objects.create(name="Newer Partner").pk > second.pk
