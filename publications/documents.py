"""Keep embargoed and unpublished documents away from visitors when they ask for the file itself.

A page can hide a document's link, but the file stays reachable at /documents/<id>/<name> for
anyone who has the address. Visitors get a 404 when:

- the document belongs to a publication whose embargo is in force (whatever else links to it:
  an embargo is about the file, not the page), or
- every page that uses the document is unpublished or restricted (and the visitor has not passed
  the restriction): the file should not outlive, or escape, the page it was published with.

Documents used by no page are left to Wagtail's own rules (collection privacy). People who can
edit the document always get it, so editors can check a file before it is released.

The same rules decide which documents the API lists (`visible_documents`) and how a served file
may be cached (`is_open_to_everyone`, used by `publications.views.serve_document`).

The hook that applies them is in publications/wagtail_hooks.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    get_page_models,
)
from wagtail.permissions import policy_registry

from publications.models import PublicationPage, embargoed_q


def can_edit_document(user, document):
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return user.has_perm("wagtaildocs.change_document") or (
        policy.user_has_permission_for_instance(user, "change", document)
    )


def is_under_embargo(document):
    return PublicationPage.objects.filter(embargoed_q(), document=document).exists()


def _document_foreign_keys():
    """(model, field name) for every page field that points at a document."""
    document_model = get_document_model()
    return [
        (model, field.name)
        for model in get_page_models()
        for field in model._meta.get_fields()
        if field.many_to_one
        and field.concrete
        and field.related_model is document_model
        # Inherited fields are found on the model that declares them.
        and field.model is model
    ]


def _page_references_to_documents():
    """Reference index rows from pages to documents (blocks and rich-text links)."""
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def pages_using(document):
    """Every page that uses the document: through a field, a block or a rich-text link."""
    # The reference index may be written by a background worker, a moment after a save; the
    # direct foreign keys are read here as well so a fresh publication is never missed.
    # object_id is text in the index (it holds any model's key), so compare in Python, not SQL.
    referenced = _page_references_to_documents().filter(to_object_id=str(document.pk))
    condition = Q(pk__in=[int(pk) for pk in referenced.values_list("object_id", flat=True)])
    for model, field_name in _document_foreign_keys():
        condition |= Q(pk__in=model.objects.filter(**{field_name: document}).values("pk"))
    return Page.objects.filter(condition)


def visitor_may_see_a_page(request, pages):
    """True if at least one of the pages is live and open to this visitor."""
    live = pages.live()
    if live.public().exists():
        return True
    for page in live:
        restrictions = PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        )
        if all(restriction.accept_request(request) for restriction in restrictions):
            return True
    return False


def is_open_to_everyone(document):
    """True if any visitor, signed in or not, may download the document."""
    if is_under_embargo(document):
        return False
    if document.collection.get_view_restrictions().exists():
        return False
    pages = pages_using(document)
    return not pages.exists() or pages.live().public().exists()


def restricted_collections():
    """Collections under a view restriction, whoever asks: the API answers as a visitor."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    ).values_list("path", flat=True)
    if not paths:
        return Collection.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return Collection.objects.filter(condition)


def visible_documents(queryset):
    """The documents in `queryset` that any visitor may download, in a fixed number of queries.

    The same rules as the file itself: no embargo in force, not in a private collection, and
    either used by no page or used by at least one live, public page.
    """
    public_pages = Page.objects.live().public()
    references = _page_references_to_documents()
    # The reference index keeps both keys as text: compare them as text, so that no cast of
    # another model's key to a number can fail on PostgreSQL.
    used = Q(text_pk__in=references.values("to_object_id"))
    public_keys = public_pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    shown = Q(text_pk__in=references.filter(object_id__in=public_keys).values("to_object_id"))
    for model, field_name in _document_foreign_keys():
        users = model.objects.filter(**{f"{field_name}__isnull": False})
        used |= Q(pk__in=users.values(field_name))
        shown |= Q(pk__in=users.filter(pk__in=public_pages.values("pk")).values(field_name))
    embargoed = PublicationPage.objects.filter(embargoed_q(), document__isnull=False)
    return (
        queryset.annotate(text_pk=Cast("pk", CharField()))
        .exclude(pk__in=embargoed.values("document"))
        .exclude(collection__in=restricted_collections())
        .filter(~used | shown)
    )
