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
    paths = model.card_image_paths
    return queryset.select_related(*model.card_select_related, *paths).prefetch_related(
        *model.card_prefetch(), *(card_renditions(path) for path in paths)
    )


def _joined(model):
    """The relations a card of `model` reads to one object (nothing for a type that is not
    one of ours)."""
    return (*getattr(model, "card_select_related", ()), *getattr(model, "card_image_paths", ()))


def _child_accessor(model):
    """The name by which a `Page` row reaches `model`'s own row, or None (not a direct child)."""
    link = model._meta.parents.get(Page)
    return link.remote_field.get_accessor_name() if link is not None else None


def load_cards(keys):
    """The live, public pages for `keys` ([(model, pk)]), as their own types, in that order."""
    keys = list(keys)
    model_of = {pk: model for model, pk in keys}
    joined, separate = {}, defaultdict(list)
    for model, pk in keys:
        accessor = _child_accessor(model)
        if accessor is None:
            separate[model].append(pk)
        else:
            joined[model] = accessor
    found = {}
    if joined:
        related = []
        for model, accessor in joined.items():
            related.append(accessor)
            related += [f"{accessor}__{path}" for path in _joined(model)]
        ids = [pk for model, pk in keys if model in joined]
        rows = PortalPageQuerySet(Page).filter(pk__in=ids).live().public()
        for row in rows.select_related(*related):
            model = model_of[row.pk]
            if model in joined:
                found[row.pk] = getattr(row, joined[model])
    for model, ids in separate.items():
        queryset = model.objects.filter(pk__in=ids).live().public()
        found.update({page.pk: page for page in queryset.select_related(*_joined(model))})
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
