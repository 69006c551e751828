"""What search covers is derived from the page models, never listed by hand."""

from wagtail.models import get_page_models

from core.models import BasePage
from search import page_types


def test_every_page_type_of_the_site_is_searched():
    expected = {model for model in get_page_models() if issubclass(model, BasePage)}
    assert set(page_types.searchable_models()) == expected
    offered = {page_type.model for page_type in page_types.page_types().values()}
    assert offered == {model for model in expected if model.is_content_type}


def test_type_slugs_are_readable_and_unique():
    slugs = page_types.page_types()
    assert {"viewpoint", "programme", "publication", "page"} <= set(slugs)
    assert all(slug == slug.lower() and " " not in slug for slug in slugs)


def test_page_types_with_dates_are_found_from_their_filter_fields():
    lookups = {model.__name__: lookup for model, lookup in page_types.date_lookups().items()}
    assert lookups["ViewpointPage"] == "viewpointpage__date"
    assert lookups["ProgrammePage"] == "programmepage__start_date"
    assert lookups["PublicationPage"] == "publicationpage__year"


def test_focus_area_relations_are_found_from_the_models():
    tables = {relation.through._meta.db_table for relation in page_types.focus_area_relations()}
    assert len(tables) == 4
