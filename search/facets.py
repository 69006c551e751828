"""Facets: how many results each type and each focus area would show, counted by the database.

Each group is counted with the other group's filter applied, so a count is exactly what the
visitor gets by choosing that value.
"""

from dataclasses import dataclass

from django.db.models import Count, F

from search import page_types


@dataclass
class Facet:
    """One value to narrow the results by, with how many results choosing it shows."""

    value: str
    label: str
    count: int
    selected: bool


def counts_by_type(pages):
    """{content type id: how many of `pages`}, counted by the database in one query."""
    rows = pages.order_by().values("content_type_id").annotate(results=Count("pk"))
    return {row["content_type_id"]: row["results"] for row in rows}


def type_facets(counts, types_by_ct, chosen=""):
    """The kinds of content counted in `counts` (counts_by_type), most results first; the
    chosen one even when empty."""
    by_slug = {}
    for content_type_id, results in counts.items():
        page_type = types_by_ct.get(content_type_id)
        if page_type is not None:
            by_slug[page_type.slug] = by_slug.get(page_type.slug, 0) + results
    facets = [
        Facet(slug, page_type.label, by_slug.get(slug, 0), slug == chosen)
        for slug, page_type in page_types.page_types().items()
        if by_slug.get(slug) or slug == chosen
    ]
    facets.sort(key=lambda facet: (-facet.count, facet.label))
    return facets


def area_facets(page_ids, focus_areas, chosen=""):
    """The focus areas of the pages of `page_ids` (a list, or a queryset of ids), in the editors'
    order; the chosen one even when empty.

    Each page type links to focus areas through a table of its own: every table is counted
    in the same query (a UNION ALL of one count per table, each over the ids)."""
    # A list of ids goes as one parameter; a queryset of ids as a subquery.
    lookup = "any_of" if isinstance(page_ids, list) else "in"
    counted = [
        relation.through.objects.filter(**{f"{relation.page_field}__{lookup}": page_ids})
        .order_by()
        .values(area=F(relation.area_field))
        .annotate(results=Count(relation.page_field, distinct=True))
        for relation in page_types.focus_area_relations()
    ]
    counts = {}
    if counted:
        rows = counted[0].union(*counted[1:], all=True) if len(counted) > 1 else counted[0]
        for row in rows:
            counts[row["area"]] = counts.get(row["area"], 0) + row["results"]
    return [
        Facet(slug, title, counts.get(pk, 0), slug == chosen)
        for pk, slug, title in focus_areas
        if counts.get(pk) or slug == chosen
    ]
