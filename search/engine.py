"""Running a search: the matching pages ranked, editors' picks first, facet counts, and paging.

Everything that grows with the site is left to the database: matching, counting and faceting;
only a bounded list of ids (with the scores and dates the database gives for them) is ordered and
sliced here, and only one page of results is read as pages. A search that matches more than
MATCH_LIMIT pages is answered from the MATCH_LIMIT most recently published of them (found from the
newest pages down, which the database does without gathering every match), so that a word on
nearly every page costs the same on a site of 100,000 pages as on one of 2,000: the visitor is
told, and narrows by words (filters narrow within the same pages, so that each facet's count is
still exactly what choosing it shows). Pages whose title matches come first:
PostgreSQL already weighs titles above bodies, but SQLite's bm25 does not tell the columns apart,
so the tier is imposed here for both. The newest matches are read once with their titles' match
and the backend's own score (on SQLite, scored in one pass: sqlite_rank) and ordered here, so the
database ranks no more than those pages and the words are matched once.
An engine outside the database (OpenSearch, Elasticsearch) ranks by itself; its best matches are
then faceted and paged the same way.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.fragments import kept_for
from search import facets, page_types, sqlite_rank

# How many matches an engine that is not the database (OpenSearch, Elasticsearch) is asked for.
OTHER_BACKEND_LIMIT = 500
# The most pages one search ranks, counts and facets: the newest, when more match.
MATCH_LIMIT = 300
# Longer queries are kept under their first characters (picks are never that long).
MAX_KEPT_QUERY = 255
# With fewer results than this, the visitor may have mistyped: offer a correction.
FEW_RESULTS = 3


def best_first(score_of, ids, first=()):
    """`ids` best first: those in `first` (a title match) ahead, then by score (lower is better),
    newest on a tie, as the database backends order them."""
    first = set(first)
    return sorted(ids, key=lambda pk: (pk not in first, score_of.get(pk, 0.0), -pk))


class RankedPages:
    """The ids of the results in order, editors' picks first, as Django's paginator reads them."""

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
            ids += self.others[start:stop]
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
    # {page id: content type id} of every result, so that a page of them is read as its own
    # types by joining only the tables of the types on it.
    content_types: dict = field(default_factory=dict)


def _without_hash_joins():
    """Tell PostgreSQL's planner, for the rest of this transaction (the search's own), not to
    hash every page to join the matches to.

    It takes words to occur independently, so it expects few pages to hold all of several
    common words (at 100,000 pages, under 2,000 where 15,000 do) and then hashes all 100,000
    pages rather than look up each match: three to four times slower. Looking up the matches
    one by one (or walking the pages newest first, for a word on most pages) is never much
    slower, whatever the words."""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_hashjoin = off")


class SiteSearch:
    """Searches the live, public pages of one site."""

    def __init__(self, site=None):
        self.site = site
        self.backend = get_search_backend()
        self.base = page_types.base_queryset(site)
        self.types_by_ct = page_types.content_type_ids()
        self.content_types = {}

    # -- matching and ranking ---------------------------------------------------------------

    def matching(self, terms):
        """(pages matching all the terms, their ids ranked best first, whether more matched).

        At most MATCH_LIMIT pages. The newest matches are read once, each
        with whether the title has every word and the backend's own score, and ranked from those:
        the database never ranks more than those pages, nor matches the words a second time."""
        if not terms:
            return self.base.none(), [], False
        text = " ".join(terms)
        results = self._unranked(text, self._newest_first())
        if not hasattr(results, "get_queryset"):
            return (*self._from_other_backend(results), False)
        one_pass = sqlite_rank.applies_to(results)
        if not one_pass:
            # PostgreSQL: its rank read beside each id (the backend keeps the order it is given).
            results = results.annotate_score("search_score")
            _without_hash_joins()
        newest = results.get_queryset().order_by("-first_published_at", "-pk")
        newest = newest.annotate(search_title_match=self._title_match(text, results))
        fields = ["pk", "content_type_id", "search_title_match"]
        if not one_pass:
            fields.append("search_score")
        rows = list(newest.values_list(*fields)[: MATCH_LIMIT + 1])
        newest_rows = rows[:MATCH_LIMIT]
        ids = [row[0] for row in newest_rows]
        self.content_types.update((row[0], row[1]) for row in newest_rows)
        if one_pass:
            score_of = sqlite_rank.scores(results, self.backend, ids)
        else:
            # Higher ranks better in PostgreSQL, lower in SQLite's bm25.
            score_of = {row[0]: -row[3] for row in newest_rows}
        order = best_first(score_of, ids, first=[row[0] for row in newest_rows if row[2]])
        return self.base.filter(pk__any_of=ids), order, len(rows) > MATCH_LIMIT

    def suggestions(self, terms, limit):
        """The best `limit` pages for what has been typed so far (the last word a prefix)."""
        text = " ".join(terms)
        results = self.backend.autocomplete(text, self.base, operator="and")
        if not sqlite_rank.applies_to(results):
            return list(results[:limit])
        unranked = self.backend.autocomplete(
            text, self.base, operator="and", order_by_relevance=False
        )
        newest = unranked.get_queryset().order_by("-first_published_at", "-pk")
        ids = list(newest.values_list("pk", flat=True)[:MATCH_LIMIT])
        order = best_first(sqlite_rank.scores(unranked, self.backend, ids), ids)
        wanted = order[:limit]
        pages = self.base.in_bulk(wanted)
        return [pages[pk] for pk in wanted if pk in pages]

    def _newest_first(self):
        # Ordered by a field the index filters on (the backends check); the id breaks ties after.
        return self.base.order_by("-first_published_at")

    def _unranked(self, text, among=None, **options):
        """The database's matches for every word of `text`, in no particular order."""
        among = self.base if among is None else among
        return self.backend.search(text, among, operator="and", order_by_relevance=False, **options)

    def _title_match(self, text, results):
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
                pk__in=self._unranked(text, fields=["title"]).get_queryset().values("pk")
            )
        return Case(
            When(title_matches, then=Value(1)), default=Value(0), output_field=IntegerField()
        )

    def _from_other_backend(self, results):
        """The engine's best matches as a queryset of this database, and their ids in its order."""
        found = list(results[:OTHER_BACKEND_LIMIT])
        self.content_types.update((page.pk, page.content_type_id) for page in found)
        order = [page.pk for page in found]
        return self.base.filter(pk__in=order), order

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
                self.content_types[pick.page_id] = pick.page.content_type_id
            elif not pick.page_id and pick.external_link_url:
                links.append(pick)
        return pages, links

    # -- the whole search ---------------------------------------------------------------------

    def run_kept(self, query, terms, focus_areas=None, **choices):
        """`run()`'s results, kept until the site's content changes: the next page of the same
        search, or the same search by the next visitor, is not searched again. `choices` are
        run()'s type_slug, area_slug and sort."""
        # The query as editors' picks are found by, and the words searched for.
        query_key = normalise_query_string(query)[:MAX_KEPT_QUERY]
        key = (self.site.pk if self.site else None, query_key, terms, sorted(choices.items()))
        return kept_for(
            "search", key, lambda: self.run(query, terms, focus_areas=focus_areas, **choices)
        )

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
        # What the filters let through, read once (with dates to sort by) and ordered here.
        chosen = everything.filter(by_type & by_area)
        if sort == "date":
            chosen = chosen.annotate(search_date=page_types.sort_date())
            date_of = dict(chosen.values_list("pk", "search_date"))
        else:
            date_of = dict.fromkeys(chosen.values_list("pk", flat=True))
        shown_picks = {pk for pk in promoted if pk in date_of}
        others = [pk for pk in ranked if pk in date_of and pk not in promoted]
        if sort == "date":
            # Newest first, undated last; ties keep their order of relevance (a stable sort).
            others.sort(key=lambda pk: (date_of[pk] is not None, date_of[pk] or 0), reverse=True)
        # The ids of every type or of the chosen one, for the focus areas' counts.
        if type_slug:
            of_type = everything.filter(by_type).order_by().values("pk")
        else:
            of_type = [*promoted, *(pk for pk in ranked if pk not in promoted)]
        unfiltered = not type_slug and not area_slug
        return SearchResults(
            total=total,
            more_matched=more_matched,
            ranked=RankedPages([pk for pk in promoted if pk in shown_picks], others, total),
            promotions={pk: pick for pk, pick in promoted.items() if pk in shown_picks},
            type_facets=facets.type_facets(by_type_counts, self.types_by_ct, type_slug),
            area_facets=facets.area_facets(of_type, focus_areas, area_slug),
            external_promotions=links if unfiltered else [],
            content_types=self.content_types,
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
