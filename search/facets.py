"""Facets: how many results each type and each focus area would show, counted by the database.

Each group is counted with the other group's filter applied, so a count is exactly what the
visitor gets by choosing that value.
"""

from dataclasses import dataclass

from django.db.models import Count

from search import page_types


@dataclass
class Facet:
    """One value to narrow the results by, with how many results choosing it shows."""

    value: str
    label: str
    count: int
    selected: bool


def type_facets(pages, types_by_ct, chosen=""):
    """The kinds of content among `pages`, most results first; the chosen one even when empty."""
    rows = pages.order_by().values("content_type_id").annotate(results=Count("pk"))
    counts = {}
    for row in rows:
        page_type = types_by_ct.get(row["content_type_id"])
        if page_type is not None:
            counts[page_type.slug] = counts.get(page_type.slug, 0) + row["results"]
    facets = [
        Facet(slug, page_type.label, counts.get(slug, 0), slug == chosen)
        for slug, page_type in page_types.page_types().items()
        if counts.get(slug) or slug == chosen
    ]
    facets.sort(key=lambda facet: (-facet.count, facet.label))
    return facets


def area_facets(pages, focus_areas, chosen=""):
    """The focus areas of `pages`, in the editors' order; the chosen one even when empty."""
    counts = {}
    page_ids = pages.order_by().values("pk")
    for relation in page_types.focus_area_relations():
        rows = (
            relation.through.objects.filter(**{f"{relation.page_field}__in": page_ids})
            .values(relation.area_field)
            .annotate(results=Count(relation.page_field, distinct=True))
        )
        for row in rows:
            area = row[relation.area_field]
            counts[area] = counts.get(area, 0) + row["results"]
    return [
        Facet(slug, title, counts.get(pk, 0), slug == chosen)
        for pk, slug, title in focus_areas
        if counts.get(pk) or slug == chosen
    ]
