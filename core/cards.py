"""Pages made ready for their cards, in a fixed number of queries whatever the mix of types.

Each page type says what its cards read (`BasePage.card_select_related`, `card_prefetch`,
`card_image_paths`). A listing of one type loads them with its own queryset (`for_cards`);
a mix of types (related content, a focus area's sections, chosen pages) is read as one
query on the page table that joins every type's own table, then each type's prefetches
run once for all its pages and every card image's renditions come in one more query.
"""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from core.querysets import PortalPageQuerySet

# Card images: 16:9 at one and two times the width shown, in modern formats with a fallback.
CARD_IMAGE_SPECS = [
    f"fill-{size}|format-{fmt}"
    for size in ("480x270", "960x540")
    for fmt in ("avif", "webp", "jpeg")
]


def card_renditions(through=""):
    """The renditions a card's <picture> uses, left where Wagtail's own prefetch leaves them;
    `through` is the path to the images from the objects prefetched for."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return Prefetch(
        f"{through}__renditions" if through else "renditions",
        queryset=renditions.filter(filter_spec__in=CARD_IMAGE_SPECS),
        to_attr="prefetched_renditions",
    )


def for_cards(model, queryset):
    """`queryset` (of one page type) with what that type's cards read."""
    return queryset.select_related(*_joined(model)).prefetch_related(
        *model.card_prefetch(), *(card_renditions(path) for path in model.card_image_paths)
    )


def _joined(model):
    """The relations a card of `model` reads to one object (nothing for a type that is not
    one of ours)."""
    return (*getattr(model, "card_select_related", ()), *getattr(model, "card_image_paths", ()))


def child_accessor(model):
    """The name by which a `Page` row reaches `model`'s own row, or None (not a direct child)."""
    for relation in Page._meta.related_objects:
        if relation.related_model is model and relation.one_to_one and relation.parent_link:
            return relation.get_accessor_name()
    return None


def as_own_types(pages, models, related=lambda model: ()):
    """{pk: page as its own type} for `pages` (a queryset of `Page`), read in that one query
    by joining the own tables of `models` (and, for each, its `related(model)` relations).
    A page of any other type is read as Wagtail does, one query each."""
    accessors = {model: child_accessor(model) for model in models}
    joined = []
    for model, accessor in accessors.items():
        if accessor is not None:
            joined += [accessor, *(f"{accessor}__{path}" for path in related(model))]
    found = {}
    for row in pages.select_related(*joined):
        accessor = accessors.get(row.specific_class)
        found[row.pk] = getattr(row, accessor) if accessor else row.specific
    return found


def load_cards(keys):
    """The live, public pages for `keys` ([(model, pk)]), as their own types, in that order."""
    keys = list(keys)
    rows = PortalPageQuerySet(Page).filter(pk__in=[pk for _model, pk in keys]).live().public()
    found = as_own_types(rows, {model for model, _pk in keys}, related=_joined)
    pages = [found[pk] for _model, pk in keys if pk in found]
    prepare_cards(pages)
    return pages


def prepare_cards(pages):
    """Bulk-load what the cards of `pages` (already with their `card_select_related`) read."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    images = []
    for model, group in by_model.items():
        prefetch = getattr(model, "card_prefetch", tuple)()
        if prefetch:
            prefetch_related_objects(group, *prefetch)
        for page in group:
            images.extend(_follow(page, path) for path in getattr(model, "card_image_paths", ()))
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, card_renditions())
    return pages


def _follow(obj, path):
    for name in path.split("__"):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj
