"""Running a search: every match ranked, editors' picks first, facet counts, then one page of it.

The ranking comes from the search backend. On the database backends the whole ranked list of
matches is read once as (id, type, title match, date) rows, so counting, faceting, sorting by
date and paginating are done on that one list and always agree with each other. Pages whose
title matches come first: PostgreSQL already weighs titles above bodies, but SQLite's bm25 does
not tell the columns apart, so the tier is imposed here for both.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import BigIntegerField, Case, F, IntegerField, Value, When
from django.db.models.functions import Cast
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from search import content

# How many matches a backend that is not the database (OpenSearch, Elasticsearch) is asked for.
OTHER_BACKEND_LIMIT = 500
# With fewer results than this, the visitor may have mistyped: offer a correction.
FEW_RESULTS = 3


@dataclass
class Hit:
    """One matching page, as much as ranking, filtering and sorting need."""

    pk: int
    content_type_id: int
    title_match: bool = False
    date: object = None
    promotion: SearchPromotion | None = None


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Outcome:
    """A search's results before pagination: the entries in order, and the facets."""

    entries: list
    total: int
    type_facets: list = field(default_factory=list)
    area_facets: list = field(default_factory=list)
    external_promotions: list = field(default_factory=list)


class SiteSearch:
    """Searches the live, public pages of one site."""

    def __init__(self, site=None):
        self.site = site
        self.backend = get_search_backend()
        self.base = content.base_queryset(site)
        self.types_by_ct = content.content_type_ids()

    # -- matching and ranking ---------------------------------------------------------------

    def ranked_hits(self, terms, dates=True):
        """Every page matching all the terms, best first; with their dates if asked for."""
        if not terms:
            return []
        text = " ".join(terms)
        results = self.backend.search(text, self.base, operator="and")
        if not hasattr(results, "get_queryset"):
            return self._hits_from_other_backend(results, dates)
        queryset = results.get_queryset()
        queryset = queryset.annotate(
            search_title_match=Case(
                When(pk__in=self._title_matches(text, results), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        ).order_by(F("search_title_match").desc(), *queryset.query.order_by)
        return self._hits(
            queryset, ("pk", "content_type_id", "search_title_match"), title_match=True, dates=dates
        )

    def _title_matches(self, text, results):
        """Ids of the pages whose title has every term, as a subquery."""
        compiler = results.query_compiler
        if hasattr(compiler, "build_tsquery"):
            # PostgreSQL: the indexed title vector answers from its GIN index, where matching
            # the title column itself would mean a to_tsvector() of every page's title.
            tsquery = compiler.build_tsquery(
                compiler.query, config=compiler.get_config(self.backend)
            )
            return (
                IndexEntry.objects.filter(content_type_id__in=list(self.types_by_ct), title=tsquery)
                .annotate(page_id=Cast("object_id", BigIntegerField()))
                .values("page_id")
            )
        return (
            self.backend.search(
                text, self.base, operator="and", fields=["title"], order_by_relevance=False
            )
            .get_queryset()
            .values("pk")
        )

    def count(self, terms):
        if not terms:
            return 0
        return self.backend.search(" ".join(terms), self.base, operator="and").count()

    def _hits(self, queryset, head, title_match, dates=True):
        models_by_ct = {ct: page_type.model for ct, page_type in self.types_by_ct.items()}
        # The type-specific dates cost a join per type; only sorting by date needs them.
        lookups = content.date_lookups() if dates else {}
        date_columns = list(dict.fromkeys(lookups.values()))
        hits = []
        for row in queryset.values_list(*head, "first_published_at", *date_columns):
            pk, ct = row[0], row[1]
            values = dict(zip(date_columns, row[len(head) + 1 :], strict=True))
            lookup = lookups.get(models_by_ct.get(ct))
            date = content.as_date(values.get(lookup)) if lookup else None
            hits.append(
                Hit(
                    pk=pk,
                    content_type_id=ct,
                    title_match=bool(row[2]) if title_match else False,
                    date=date or content.as_date(row[len(head)]),
                )
            )
        return hits

    def _hits_from_other_backend(self, results, dates):
        """A search engine ranks by itself (titles boosted); read its best matches in order."""
        order = [page.pk for page in results[:OTHER_BACKEND_LIMIT]]
        rows = {
            hit.pk: hit
            for hit in self._hits(
                self.base.filter(pk__in=order),
                ("pk", "content_type_id"),
                title_match=False,
                dates=dates,
            )
        }
        return [rows[pk] for pk in order if pk in rows]

    # -- editors' picks -----------------------------------------------------------------------

    def promotions(self, query):
        """Staff's picks for this query, in their order: pages visitors may see, and links."""
        picks = list(
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        page_ids = [pick.page_id for pick in picks if pick.page_id]
        visible = {
            hit.pk: hit
            for hit in self._hits(
                self.base.filter(pk__in=page_ids), ("pk", "content_type_id"), title_match=False
            )
        }
        pages, links = [], []
        for pick in picks:
            if pick.page_id in visible and pick.page_id not in {hit.pk for hit in pages}:
                hit = visible[pick.page_id]
                hit.promotion = pick
                pages.append(hit)
            elif not pick.page_id and pick.external_link_url:
                links.append(pick)
        return pages, links

    # -- the whole search ---------------------------------------------------------------------

    def run(self, query, terms, type_slug="", area_slug="", sort="relevance", focus_areas=None):
        """The ordered entries and facets for a query and the visitor's filters."""
        promoted, links = self.promotions(query)
        promoted_ids = {hit.pk for hit in promoted}
        hits = [
            hit
            for hit in self.ranked_hits(terms, dates=sort == "date")
            if hit.pk not in promoted_ids
        ]
        if sort == "date":
            # Stable: pages with the same date keep their order of relevance.
            hits.sort(key=lambda hit: (hit.date is not None, hit.date), reverse=True)

        types_by_ct = self.types_by_ct
        if focus_areas is None:
            focus_areas = content.live_focus_areas(self.site)
        area_ids = {slug: pk for pk, slug, _title in focus_areas}
        areas_of = content.focus_areas_of([hit.pk for hit in promoted + hits])
        wanted_area = area_ids.get(area_slug)

        def type_ok(hit):
            page_type = types_by_ct.get(hit.content_type_id)
            return not type_slug or (page_type is not None and page_type.slug == type_slug)

        def area_ok(hit):
            return wanted_area is None or wanted_area in areas_of.get(hit.pk, ())

        everything = promoted + hits
        entries = [hit for hit in everything if type_ok(hit) and area_ok(hit)]

        # Each group is counted with the other group's filter applied, so a count is exactly
        # what the visitor gets by choosing that value.
        type_counts = Counter(
            types_by_ct[hit.content_type_id].slug
            for hit in everything
            if area_ok(hit) and hit.content_type_id in types_by_ct
        )
        area_counts = Counter(
            area for hit in everything if type_ok(hit) for area in areas_of.get(hit.pk, ())
        )
        type_facets = [
            Facet(slug, page_type.label, type_counts[slug], slug == type_slug)
            for slug, page_type in content.page_types().items()
            if type_counts[slug] or slug == type_slug
        ]
        type_facets.sort(key=lambda facet: (-facet.count, facet.label))
        area_facets = [
            Facet(slug, title, area_counts[pk], slug == area_slug)
            for pk, slug, title in focus_areas
            if area_counts[pk] or slug == area_slug
        ]
        unfiltered = not type_slug and not area_slug
        return Outcome(
            entries=entries,
            total=len(entries),
            type_facets=type_facets,
            area_facets=area_facets,
            external_promotions=links if unfiltered else [],
        )
