"""Running a search: the matching pages ranked, editors' picks first, facet counts, and paging.

Everything that grows with the site is left to the database: matching, counting, faceting, sorting
by date, and reading one page of results with a limit. A search that matches more than
MATCH_LIMIT pages is answered from the MATCH_LIMIT most recently published of them (found from the
newest pages down, which the database does without gathering every match), so that a word on
nearly every page costs the same on a site of 100,000 pages as on one of 2,000: the visitor is
told, and narrows by words (filters narrow within the same pages, so that each facet's count is
still exactly what choosing it shows). Pages whose title matches come first:
PostgreSQL already weighs titles above bodies, but SQLite's bm25 does not tell the columns apart,
so the tier is imposed here for both; on SQLite the ranking is read in one pass (sqlite_rank).
An engine outside the database (OpenSearch, Elasticsearch) ranks by itself; its best matches are
then faceted and paged the same way.
"""

from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, Value, When
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from search import facets, page_types, sqlite_rank

# How many matches an engine that is not the database (OpenSearch, Elasticsearch) is asked for.
OTHER_BACKEND_LIMIT = 500
# The most pages one search ranks, counts and facets: the newest, when more match.
MATCH_LIMIT = 1000
# With fewer results than this, the visitor may have mistyped: offer a correction.
FEW_RESULTS = 3


class RankedPages:
    """The ids of the results in order, editors' picks first, read a slice at a time.

    Django's paginator asks for the count and then one slice: the database reads only that page.
    """

    def __init__(self, promoted_ids, others, total):
        self.promoted_ids = promoted_ids
        self.others = others
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("Results are read a slice at a time.")
        start, stop, _step = key.indices(self.total)
        ids = self.promoted_ids[start:stop]
        start, stop = max(0, start - len(self.promoted_ids)), stop - len(self.promoted_ids)
        if stop > start:
            ids += list(self.others.values_list("pk", flat=True)[start:stop])
        return ids


@dataclass
class SearchResults:
    """What a search found: how many, in which order, and how to narrow it."""

    total: int
    ranked: RankedPages
    # More pages matched than MATCH_LIMIT: these are the newest of them.
    more_matched: bool = False
    promotions: dict = field(default_factory=dict)
    type_facets: list = field(default_factory=list)
    area_facets: list = field(default_factory=list)
    external_promotions: list = field(default_factory=list)


class SiteSearch:
    """Searches the live, public pages of one site."""

    def __init__(self, site=None):
        self.site = site
        self.backend = get_search_backend()
        self.base = page_types.base_queryset(site)
        self.types_by_ct = page_types.content_type_ids()

    # -- matching and ranking ---------------------------------------------------------------

    def matching(self, terms):
        """(pages matching all the terms, the same ranked best first, whether more matched).

        The first two are querysets over at most MATCH_LIMIT pages."""
        if not terms:
            none = self.base.none()
            return none, none, False
        text = " ".join(terms)
        results = self._unranked(text)
        if not hasattr(results, "get_queryset"):
            return (*self._from_other_backend(results), False)
        newest = self._newest(results)
        if sqlite_rank.applies_to(results):
            return self._ranked_in_one_pass(text, results, newest)
        ids = list(newest.values_list("pk", flat=True)[: MATCH_LIMIT + 1])
        # Counted and faceted by id from here: the words are matched once.
        matching = self.base.filter(pk__in=ids[:MATCH_LIMIT])
        results = self.backend.search(text, matching, operator="and")
        queryset = results.get_queryset()
        ranked = queryset.annotate(search_title_match=self._title_match(text, results, matching))
        ranked = ranked.order_by(F("search_title_match").desc(), *queryset.query.order_by)
        return matching, ranked, len(ids) > MATCH_LIMIT

    def _ranked_in_one_pass(self, text, results, newest):
        """matching() on SQLite: title matches read with the newest ids, then scored at once."""
        newest = newest.annotate(search_title_match=self._title_match(text, results, self.base))
        rows = list(newest.values_list("pk", "search_title_match")[: MATCH_LIMIT + 1])
        kept = rows[:MATCH_LIMIT]
        ids = [pk for pk, _title in kept]
        score_of = sqlite_rank.scores(results, self.backend, ids)
        order = sqlite_rank.best_first(score_of, ids, first=[pk for pk, title in kept if title])
        return self.base.filter(pk__in=ids), self._in_order(order), len(rows) > MATCH_LIMIT

    def suggestions(self, terms, limit):
        """The best `limit` pages for what has been typed so far (the last word a prefix)."""
        text = " ".join(terms)
        results = self.backend.autocomplete(text, self.base, operator="and")
        if not sqlite_rank.applies_to(results):
            return list(results[:limit])
        unranked = self.backend.autocomplete(
            text, self.base, operator="and", order_by_relevance=False
        )
        ids = list(self._newest(unranked).values_list("pk", flat=True)[:MATCH_LIMIT])
        order = sqlite_rank.best_first(sqlite_rank.scores(unranked, self.backend, ids), ids)
        return list(self._in_order(order[:limit]))

    @staticmethod
    def _newest(results):
        """The pages of `results`, the most recently published first."""
        return results.get_queryset().order_by("-first_published_at", "-pk")

    def _unranked(self, text, among=None, **options):
        """The database's matches for every word of `text`, in no particular order."""
        among = self.base if among is None else among
        return self.backend.search(text, among, operator="and", order_by_relevance=False, **options)

    def _title_match(self, text, results, among):
        """1 for a result whose title has every term, else 0, as an expression to order by."""
        compiler = results.query_compiler
        if hasattr(compiler, "build_tsquery"):
            # PostgreSQL: the title vector of the index entry the search has already joined.
            tsquery = compiler.build_tsquery(
                compiler.query, config=compiler.get_config(self.backend)
            )
            title_matches = Q(index_entries__title=tsquery)
        else:
            title_matches = Q(
                pk__in=self._unranked(text, among, fields=["title"]).get_queryset().values("pk")
            )
        return Case(
            When(title_matches, then=Value(1)), default=Value(0), output_field=IntegerField()
        )

    def _from_other_backend(self, results):
        """The engine's best matches, in its order, as a queryset of this database."""
        order = [page.pk for page in results[:OTHER_BACKEND_LIMIT]]
        return self.base.filter(pk__in=order), self._in_order(order)

    def _in_order(self, order):
        """The pages of `order` (ids), in that order."""
        pages = self.base.filter(pk__in=order)
        if not order:
            return pages
        position = Case(
            *(When(pk=pk, then=Value(i)) for i, pk in enumerate(order)),
            output_field=IntegerField(),
        )
        return pages.annotate(search_position=position).order_by("search_position")

    def count(self, terms, at_most):
        """How many pages match all the terms, counting no further than `at_most`."""
        if not terms:
            return 0
        results = self._unranked(" ".join(terms))
        if not hasattr(results, "get_queryset"):
            return min(results.count(), at_most)
        return results.get_queryset().order_by()[:at_most].count()

    # -- editors' picks -----------------------------------------------------------------------

    def promotions(self, query):
        """([staff's picks of pages visitors may see], [picked links]) for this query, in order."""
        picks = list(
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        page_ids = [pick.page_id for pick in picks if pick.page_id]
        visible = set(self.base.filter(pk__in=page_ids).values_list("pk", flat=True))
        pages, links = {}, []
        for pick in picks:
            if pick.page_id in visible:
                pages.setdefault(pick.page_id, pick)
            elif not pick.page_id and pick.external_link_url:
                links.append(pick)
        return pages, links

    # -- the whole search ---------------------------------------------------------------------

    def run(self, query, terms, type_slug="", area_slug="", sort="relevance", focus_areas=None):
        """The results for a query and the visitor's filters: counted, faceted, ready to page."""
        promoted, links = self.promotions(query)
        matching, ranked, more_matched = self.matching(terms)
        if promoted:
            # Picks count among the results even where they do not contain the words.
            everything = self.base.filter(
                Q(pk__in=matching.values("pk")) | Q(pk__in=list(promoted))
            )
        else:
            everything = matching
        if focus_areas is None:
            focus_areas = page_types.live_focus_areas(self.site)
        by_type, by_area = self._filters(type_slug, area_slug, focus_areas)

        # The total is the type counts' sum, over the chosen type's if there is one.
        by_type_counts = facets.counts_by_type(everything.filter(by_area))
        chosen_types = self._content_types(type_slug)
        total = sum(n for ct, n in by_type_counts.items() if not type_slug or ct in chosen_types)
        chosen = everything.filter(by_type & by_area)
        shown_picks = (
            set(chosen.filter(pk__in=list(promoted)).values_list("pk", flat=True))
            if promoted
            else set()
        )
        others = ranked.filter(by_type & by_area).exclude(pk__in=list(promoted))
        if sort == "date":
            # Ties keep their order of relevance.
            others = others.annotate(search_date=page_types.sort_date()).order_by(
                F("search_date").desc(nulls_last=True), *others.query.order_by
            )
        unfiltered = not type_slug and not area_slug
        return SearchResults(
            total=total,
            more_matched=more_matched,
            ranked=RankedPages([pk for pk in promoted if pk in shown_picks], others, total),
            promotions={pk: pick for pk, pick in promoted.items() if pk in shown_picks},
            type_facets=facets.type_facets(by_type_counts, self.types_by_ct, type_slug),
            area_facets=facets.area_facets(everything.filter(by_type), focus_areas, area_slug),
            external_promotions=links if unfiltered else [],
        )

    def _content_types(self, type_slug):
        return {ct for ct, page_type in self.types_by_ct.items() if page_type.slug == type_slug}

    def _filters(self, type_slug, area_slug, focus_areas):
        """(filter by type, filter by focus area); a filter not chosen lets every page through."""
        by_type = by_area = Q()
        if type_slug:
            by_type = Q(content_type_id__in=self._content_types(type_slug))
        if area_slug:
            area_ids = [pk for pk, slug, _title in focus_areas if slug == area_slug]
            by_area = page_types.in_focus_area(area_ids[0]) if area_ids else Q(pk__in=[])
        return by_type, by_area
