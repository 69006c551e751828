"""Factories for publications and their index."""

import factory

from core.factories import (
    BasePageFactory,
    DocumentFactory,
    child_of_home,
    fake,
    home_page,
    paragraph_block,
    rich_text,
)
from people.factories import PersonFactory
from publications.models import (
    PublicationAuthor,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)


class PublicationIndexPageFactory(BasePageFactory):
    """The 'Publications' index under the home page."""

    class Meta:
        model = PublicationIndexPage

    title = "Publications"
    slug = "publications"
    parent = factory.LazyFunction(home_page)
    introduction = factory.LazyFunction(lambda: rich_text(1))


def authors(*people):
    """The `authors` value for PublicationPageFactory, in the order given."""
    return [PublicationAuthor(person=person, sort_order=i) for i, person in enumerate(people)]


class PublicationPageFactory(BasePageFactory):
    """A report with one author and a PDF, not under embargo.

    `embargoed=True` (with `embargo_end=` a date, or none for an indefinite embargo) embargoes it;
    `authors=authors(person, ...)` sets its authors; `document=None` leaves it without a file.
    """

    class Meta:
        model = PublicationPage

    parent = factory.LazyFunction(child_of_home(PublicationIndexPage, PublicationIndexPageFactory))
    title = factory.LazyFunction(lambda: f"Evaluation of the {fake.city()} leadership model")
    kind = PublicationKind.REPORT
    year = factory.Faker("random_int", min=2015, max=2024)
    body = factory.LazyFunction(lambda: [paragraph_block()])
    document = factory.SubFactory(DocumentFactory)
    embargoed = False
    embargo_end = None
    authors = factory.LazyFunction(lambda: authors(PersonFactory()))
    focus_areas = factory.LazyFunction(list)
