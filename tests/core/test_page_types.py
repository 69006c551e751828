"""Where each page type may be created: the shape of the site that editors cannot break."""

import pytest
from wagtail.models import Page

from contact.factories import ContactPageFactory
from contact.models import ContactPage
from core.factories import StandardPageFactory
from core.models import BasePage, HomePage, StandardPage
from focus_areas.factories import FocusAreaIndexPageFactory, FocusAreaPageFactory
from focus_areas.models import FocusAreaIndexPage, FocusAreaPage
from interviews.factories import InterviewIndexPageFactory, InterviewPageFactory
from interviews.models import InterviewIndexPage, InterviewPage
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from programmes.models import ProgrammeIndexPage, ProgrammePage
from publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from publications.models import PublicationIndexPage, PublicationPage
from viewpoints.factories import ViewpointIndexPageFactory, ViewpointPageFactory
from viewpoints.models import ViewpointIndexPage, ViewpointPage

pytestmark = pytest.mark.django_db

ALL_TYPES = [
    HomePage,
    StandardPage,
    FocusAreaIndexPage,
    FocusAreaPage,
    ProgrammeIndexPage,
    ProgrammePage,
    InterviewIndexPage,
    InterviewPage,
    ViewpointIndexPage,
    ViewpointPage,
    PublicationIndexPage,
    PublicationPage,
    ContactPage,
]

SINGLETONS_UNDER_HOME = [
    (FocusAreaIndexPage, FocusAreaIndexPageFactory),
    (ProgrammeIndexPage, ProgrammeIndexPageFactory),
    (InterviewIndexPage, InterviewIndexPageFactory),
    (ViewpointIndexPage, ViewpointIndexPageFactory),
    (PublicationIndexPage, PublicationIndexPageFactory),
    (ContactPage, ContactPageFactory),
]


@pytest.fixture
def tree(home):
    """One page of every type, each where it belongs."""
    pages = {HomePage: home, StandardPage: StandardPageFactory(parent=home)}
    for index_factory, page_factory in [
        (FocusAreaIndexPageFactory, FocusAreaPageFactory),
        (ProgrammeIndexPageFactory, ProgrammePageFactory),
        (InterviewIndexPageFactory, InterviewPageFactory),
        (ViewpointIndexPageFactory, ViewpointPageFactory),
        (PublicationIndexPageFactory, PublicationPageFactory),
    ]:
        index = index_factory(parent=home)
        pages[type(index)] = index
        child = page_factory(parent=index)
        pages[type(child)] = child
    pages[ContactPage] = ContactPageFactory(parent=home)
    return pages


# Where each type may live: the parent types that accept it. Everything else refuses it.
ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    FocusAreaIndexPage: {HomePage},
    FocusAreaPage: {FocusAreaIndexPage},
    ProgrammeIndexPage: {HomePage},
    ProgrammePage: {ProgrammeIndexPage},
    InterviewIndexPage: {HomePage},
    InterviewPage: {InterviewIndexPage},
    ViewpointIndexPage: {HomePage},
    ViewpointPage: {ViewpointIndexPage},
    PublicationIndexPage: {HomePage},
    PublicationPage: {PublicationIndexPage},
    ContactPage: {HomePage},
}


@pytest.mark.parametrize("child_type", ALL_TYPES, ids=lambda t: t.__name__)
def test_each_type_may_exist_only_under_its_parents(tree, child_type):
    parents = {Page: Page.get_first_root_node(), **tree}

    accepted = {
        parent_type for parent_type, parent in parents.items() if child_type.can_exist_under(parent)
    }

    assert accepted == ALLOWED_PARENTS[child_type]


def test_every_page_type_of_the_site_is_in_the_table():
    site_types = {model for model in BasePage.__subclasses__() if not model._meta.abstract}
    site_types |= {
        model
        for base in BasePage.__subclasses__()
        for model in base.__subclasses__()
        if not model._meta.abstract
    }
    assert site_types == set(ALL_TYPES)


@pytest.mark.parametrize(
    "page_type",
    [FocusAreaPage, ProgrammePage, InterviewPage, ViewpointPage, PublicationPage, ContactPage],
    ids=lambda t: t.__name__,
)
def test_content_pages_have_no_children(page_type):
    assert page_type.allowed_subpage_models() == []


@pytest.mark.parametrize(
    ("index_type", "child_type"),
    [
        (FocusAreaIndexPage, FocusAreaPage),
        (ProgrammeIndexPage, ProgrammePage),
        (InterviewIndexPage, InterviewPage),
        (ViewpointIndexPage, ViewpointPage),
        (PublicationIndexPage, PublicationPage),
    ],
    ids=lambda t: t.__name__,
)
def test_index_pages_hold_only_their_own_type(index_type, child_type):
    assert index_type.allowed_subpage_models() == [child_type]


@pytest.mark.parametrize(
    ("page_type", "factory"), SINGLETONS_UNDER_HOME, ids=lambda t: getattr(t, "__name__", "")
)
def test_sections_of_the_home_page_can_be_made_once(home, page_type, factory):
    assert page_type.can_create_at(home)

    factory(parent=home)

    assert not page_type.can_create_at(home)


def test_there_is_one_home_page(home):
    root = Page.get_first_root_node()

    assert HomePage.can_exist_under(root)
    assert not HomePage.can_create_at(root)


def test_a_home_page_may_be_made_on_an_empty_site(db):
    assert HomePage.can_create_at(Page.get_first_root_node())


def test_standard_pages_nest(home):
    why = StandardPageFactory(parent=home, title="Why systems leadership?")

    assert StandardPage.can_create_at(why)
    assert StandardPage.can_create_at(home)


def test_content_pages_may_be_many(tree):
    assert ProgrammePage.can_create_at(tree[ProgrammeIndexPage])
    assert FocusAreaPage.can_create_at(tree[FocusAreaIndexPage])
    assert InterviewPage.can_create_at(tree[InterviewIndexPage])
    assert ViewpointPage.can_create_at(tree[ViewpointIndexPage])
    assert PublicationPage.can_create_at(tree[PublicationIndexPage])


@pytest.mark.parametrize("page_type", ALL_TYPES, ids=lambda t: t.__name__)
def test_every_page_type_tells_editors_what_it_is_for(page_type):
    doc = page_type.__doc__ or ""
    assert doc.strip() and "\n" not in doc.strip()
