"""Related content: pages that share focus areas, people or partners, and everything a person or
partner is linked to.

Content page types take part by mixing in `RelatedContentMixin` and naming, as lookups, where
their people and partners are. Nothing here knows the content apps by name, so a new page type
joins in by declaring the same attributes.
"""

from django.apps import apps
from django.db.models import Count, F, IntegerField, Q, Value
from django.utils.functional import SimpleLazyObject

from core.cards import load_cards

# A shared person or partner says more than a shared focus area (there are only three areas).
AREA_WEIGHT = 1
PERSON_WEIGHT = 2
PARTNER_WEIGHT = 2


class RelatedContentMixin:
    """Shows, under the page, other pages on the same focus areas or with the same people."""

    # Lookups from this page type to people.Person and people.Partner, or None.
    people_lookup = None
    partners_lookup = None
    focus_areas_lookup = "focus_areas"
    # The heading this type's pages are listed under on person and partner pages.
    related_heading = ""
    related_limit = 3

    def _ids(self, lookup):
        """Primary keys of what `lookup` reaches from this page, read from the page in hand.

        A page being previewed has its relations in memory only, so they are read through the
        page rather than queried by its id.
        """
        if not lookup:
            return set()
        first, _, rest = lookup.partition("__")
        field = self._meta.get_field(first)
        if field.many_to_one and not rest:
            value = getattr(self, field.attname)
            return {value} if value is not None else set()
        related = getattr(self, first).all()
        if rest:
            attname = related.model._meta.get_field(rest).attname
            return {getattr(obj, attname) for obj in related} - {None}
        return {obj.pk for obj in related}

    def related_pages(self, limit=None):
        """Up to `limit` live, public pages that share most with this one, ready for cards:
        ranked across every type in one query, then loaded in a fixed number more."""
        limit = limit or self.related_limit
        links = {
            "areas": self._ids(self.focus_areas_lookup),
            "people": self._ids(self.people_lookup),
            "partners": self._ids(self.partners_lookup),
        }
        if not any(links.values()):
            return []
        models = related_content_models()
        scored = [
            queryset
            for kind, model in enumerate(models)
            if (queryset := _scored(model, kind, links, exclude_pk=self.pk)) is not None
        ]
        if not scored:
            return []
        ranked = scored[0].union(*scored[1:], all=True) if len(scored) > 1 else scored[0]
        rows = ranked.order_by("-score", F("first_published_at").desc(nulls_last=True), "pk")
        return load_cards([(models[row["kind"]], row["pk"]) for row in rows[:limit]])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out only when the page content is rendered, not when it comes from a kept
        # fragment (core/fragments.py).
        context["related_pages"] = SimpleLazyObject(self.related_pages)
        return context


def related_content_models():
    """The page types that take part, in the order their apps are installed."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, RelatedContentMixin) and not model._meta.abstract
    ]


def _scored(model, kind, links, exclude_pk):
    """The live, public pages of one type that share something, as rows of (pk,
    first_published_at, score, kind), or None when the type shares no kind of link."""
    terms = []
    lookups = [
        (model.focus_areas_lookup, links["areas"], AREA_WEIGHT),
        (model.people_lookup, links["people"], PERSON_WEIGHT),
        (model.partners_lookup, links["partners"], PARTNER_WEIGHT),
    ]
    for lookup, ids, weight in lookups:
        if lookup and ids:
            shared = Count(lookup, filter=Q(**{f"{lookup}__in": ids}), distinct=True)
            terms.append(shared * weight)
    if not terms:
        return None
    score = terms[0]
    for term in terms[1:]:
        score = score + term
    queryset = model.objects.live().public()
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return (
        queryset.values("pk", "first_published_at")
        .annotate(score=score, kind=Value(kind, output_field=IntegerField()))
        .filter(score__gt=0)
        .order_by()
    )


def linked_ids(lookup_attribute):
    """Primary keys of every person (or partner) that a live, public page links to."""
    ids = set()
    for model in related_content_models():
        lookup = getattr(model, lookup_attribute)
        if lookup:
            queryset = model.objects.live().public().filter(**{f"{lookup}__isnull": False})
            ids.update(queryset.values_list(lookup, flat=True))
    return ids


def pages_linked_to(lookup_attribute, obj):
    """[(heading, pages)] for each page type that links to `obj` (a person or a partner).

    `lookup_attribute` is "people_lookup" or "partners_lookup": which of the page type's
    lookups reaches `obj`. Newest first; one query per page type, plus what its cards load.
    """
    sections = []
    for model in related_content_models():
        lookup = getattr(model, lookup_attribute)
        if not lookup:
            continue
        ids = model.objects.live().public().filter(**{lookup: obj}).values("pk")
        queryset = model.for_cards(model.objects.filter(pk__in=ids)).order_by(
            F("first_published_at").desc(nulls_last=True), "path"
        )
        pages = list(queryset)
        if pages:
            sections.append((model.related_heading, pages))
    return sections


def has_linked_pages(lookup_attribute, obj):
    """Whether any live, public page links to `obj`; one query per page type at most."""
    for model in related_content_models():
        lookup = getattr(model, lookup_attribute)
        if lookup and model.objects.live().public().filter(**{lookup: obj}).exists():
            return True
    return False
