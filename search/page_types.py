"""What site search covers: every public page type, how visitors name it, its date, its focus areas.

Nothing here lists page types by name. A page type is searched because it is a page of the site
(a subclass of `BasePage`) and named by its `listing_label`; it is offered as a type to narrow the
results by when it is a kind of content (`is_content_type`); its focus areas are found from its
relations to `FocusAreaPage`; its date from the date it declares as a filter field for search.
"""

from dataclasses import dataclass
from functools import cache, reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from core.fragments import kept
from core.models import BasePage
from focus_areas.models import FocusAreaPage


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
    return model.listing_label


@cache
def page_types():
    """{slug: PageType} of the kinds of content, with slugs readable in a URL (`?type=viewpoint`).

    Index pages, the home page and the contact page stay findable but are no type to filter by.
    """
    types = {}
    for model in searchable_models():
        if not model.is_content_type:
            continue
        label = type_label(model)
        slug = slugify(label) or model._meta.model_name
        if slug in types:
            slug = f"{model._meta.app_label}-{model._meta.model_name}"
        types[slug] = PageType(slug=slug, label=label, model=model)
    return types


def content_type_ids():
    """{content type id: PageType} for the kinds of content."""
    by_model = {page_type.model: page_type for page_type in page_types().values()}
    content_types = ContentType.objects.get_for_models(*by_model)
    return {content_types[model].pk: page_type for model, page_type in by_model.items()}


def searchable_content_type_ids():
    """The content type ids of every searchable page type, content or not."""
    content_types = ContentType.objects.get_for_models(*searchable_models())
    return [content_type.pk for content_type in content_types.values()]


def base_queryset(site=None):
    """Pages a visitor may find: live, public, of a searchable type, and on this site."""
    queryset = Page.objects.live().exclude(_private_q()).type(BasePage)
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset


# ---------------------------------------------------------------------------
# Focus areas


@cache
def focus_area_relations():
    """The through tables of every relation from a searchable page type to a focus area."""
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


def in_focus_area(area_id):
    """A filter on pages: those linked to the focus area, by whichever relation their type has."""
    condition = Q(pk__in=[])
    for relation in focus_area_relations():
        linked = relation.through.objects.filter(**{relation.area_field: area_id})
        condition |= Q(pk__in=linked.values(relation.page_field))
    return condition


def _private_q():
    """Wagtail's `public()` filter without reading the view restrictions on every search: the
    paths of the restricted pages are kept until the site's content next changes."""
    paths = kept(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def live_focus_areas(site=None):
    """[(id, slug, title)] of the focus areas visitors can filter by, in the editors' order,
    kept until the site's content next changes."""

    def build():
        queryset = FocusAreaPage.objects.live().exclude(_private_q())
        if site is not None:
            queryset = queryset.descendant_of(site.root_page)
        return list(queryset.order_by("path").values_list("pk", "slug", "title"))

    return kept(f"live-focus-areas-{site.pk if site else 'all'}", build)


# ---------------------------------------------------------------------------
# Dates, for sorting by date: worked out by the database, so that it sorts before it pages


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


def sort_date():
    """Each page's date to sort by as a number, YYYYMMDD: its type's own date, or its first
    publication. A number, because dates, datetimes and years only compare once made alike."""
    lookups = date_lookups()
    content_types = ContentType.objects.get_for_models(*lookups)
    own_date = Case(
        *(
            When(content_type_id=content_types[model].pk, then=_as_number(model, lookup))
            for model, lookup in lookups.items()
        ),
        default=Value(None),
        output_field=IntegerField(),
    )
    return Coalesce(own_date, _day_number("first_published_at"), output_field=IntegerField())


def _as_number(model, lookup):
    field = model._meta.get_field(lookup.rsplit("__", 1)[1])
    if isinstance(field, models.DateField):
        return _day_number(lookup)
    # A year alone sorts as its first day; a year that is no year sorts as undated.
    return Case(
        When(**{f"{lookup}__range": (1, 9999)}, then=F(lookup) * 10000 + 101),
        default=Value(None),
        output_field=IntegerField(),
    )


def _day_number(lookup):
    return ExtractYear(lookup) * 10000 + ExtractMonth(lookup) * 100 + ExtractDay(lookup)
