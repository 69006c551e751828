"""What site search covers: every public page type, how visitors name it, its date, its focus areas.

Nothing here lists page types by name. A page type is searched because it is a page of the site
(a subclass of `BasePage`); its focus areas are found from its relations to `FocusAreaPage`; its
date from the date it declares as a filter field for search.
"""

import datetime
from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import slugify
from wagtail.models import Page, get_page_models
from wagtail.search import index

from core.models import BasePage


@dataclass(frozen=True)
class PageType:
    """One kind of page as the type facet shows it."""

    slug: str
    label: str
    model: type


@dataclass(frozen=True)
class FocusAreaRelation:
    """The table linking one page type to its focus areas."""

    through: type
    page_field: str
    area_field: str


@cache
def searchable_models():
    """Every concrete page type of the site, in a stable order."""
    found = [model for model in get_page_models() if issubclass(model, BasePage)]
    return tuple(sorted(found, key=lambda model: model._meta.label_lower))


def type_label(model):
    """The name visitors see for a page type: the same as on the site's cards."""
    return _labels()[model]


@cache
def _labels():
    from core.templatetags.portal_tags import card_label

    # An unsaved page stands in for its type; card_label reads only the type and empty fields.
    return {model: card_label(model()) for model in searchable_models()}


@cache
def page_types():
    """{slug: PageType}, the slugs readable in a URL (`?type=viewpoint`) and unique."""
    types = {}
    for model in searchable_models():
        label = type_label(model)
        slug = slugify(label) or model._meta.model_name
        if slug in types:
            slug = f"{model._meta.app_label}-{model._meta.model_name}"
        types[slug] = PageType(slug=slug, label=label, model=model)
    return types


def content_type_ids():
    """{content type id: PageType} for the searchable page types."""
    by_model = {page_type.model: page_type for page_type in page_types().values()}
    content_types = ContentType.objects.get_for_models(*by_model)
    return {content_types[model].pk: page_type for model, page_type in by_model.items()}


def base_queryset(site=None):
    """Pages a visitor may find: live, public, of a searchable type, and on this site."""
    queryset = Page.objects.live().public().type(BasePage)
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset


# ---------------------------------------------------------------------------
# Focus areas


@cache
def focus_area_relations():
    """The through tables of every relation from a searchable page type to a focus area."""
    from focus_areas.models import FocusAreaPage

    relations = {}
    for model in searchable_models():
        for field in model._meta.get_fields():
            linked = field.many_to_many and not field.auto_created
            if linked and field.related_model is FocusAreaPage:
                through = field.remote_field.through
                relations[through] = FocusAreaRelation(
                    through=through,
                    page_field=field.m2m_column_name(),
                    area_field=field.m2m_reverse_name(),
                )
    return tuple(relations.values())


# Beyond this many pages, reading every link is cheaper than a long list of ids in the query.
_IDS_IN_QUERY = 500


def focus_areas_of(page_ids):
    """{page id: {focus area id, ...}} for the given pages, in one query per through table."""
    page_ids = set(page_ids)
    found = {}
    if not page_ids:
        return found
    for relation in focus_area_relations():
        rows = relation.through.objects.all()
        if len(page_ids) <= _IDS_IN_QUERY:
            rows = rows.filter(**{f"{relation.page_field}__in": page_ids})
        for page_id, area_id in rows.values_list(relation.page_field, relation.area_field):
            if page_id in page_ids:
                found.setdefault(page_id, set()).add(area_id)
    return found


def live_focus_areas(site=None):
    """[(id, slug, title)] of the focus areas visitors can filter by, in the editors' order."""
    from focus_areas.models import FocusAreaPage

    queryset = FocusAreaPage.objects.live().public()
    if site is not None:
        queryset = queryset.descendant_of(site.root_page)
    return list(queryset.order_by("path").values_list("pk", "slug", "title"))


# ---------------------------------------------------------------------------
# Dates, for sorting by date


@cache
def date_lookups():
    """{model: lookup from Page} for page types that declare a date to filter their search by."""
    lookups = {}
    for model in searchable_models():
        for search_field in model.get_search_fields():
            if not isinstance(search_field, index.FilterField):
                continue
            try:
                field = model._meta.get_field(search_field.field_name)
            except Exception:  # a filter on something that is not a model field
                continue
            if field.model is Page or not _is_date_like(field):
                continue
            lookups[model] = f"{_lookup_from_page(field.model)}__{field.name}"
            break
    return lookups


def _is_date_like(field):
    if isinstance(field, models.DateField):  # DateTimeField is a DateField too
        return True
    return isinstance(field, models.IntegerField) and field.name == "year"


def _lookup_from_page(model):
    """'programmepage' for a direct subclass of Page; 'a__b' for B(A(Page))."""
    chain = []
    while model is not Page:
        chain.append(model._meta.model_name)
        model = next(parent for parent in model._meta.parents if issubclass(parent, Page))
    return "__".join(reversed(chain))


def as_date(value):
    """A date to sort by from a date, a datetime or a year."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int) and 1 <= value <= 9999:
        return datetime.date(value, 1, 1)
    return None
