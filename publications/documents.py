"""Who may download a file at /documents/<id>/<name>, and which files the API lists.

A document is served to a visitor only when none of the publications that link it is under
embargo, and either

- a live page that this visitor may see links it (in a field, a block or a rich-text link), or
- an editor has put it in a collection ticked in Settings → Documents (`DocumentSettings`).

A document used by no page and outside those collections is private: a fresh upload stays
hidden until a page that uses it is published. People who can edit the document always get it,
so editors can check a file before it is released. Wagtail's own collection privacy applies on
top (its `before_serve_document` hook).

What a page links is written to `DocumentUse` whenever the page's content is saved, in the same
transaction (a publish is a save), never by a background worker: Wagtail's reference index is
filled by a task, and until the worker has run it would still say a withdrawn file is in use.
Everything else is read at request time: whether the page is live, the view restrictions on it
and its ancestors (added and removed without a publish), and the embargo dates (an embargo ends
by itself on its end day).

The same rules decide which documents the API lists (`documents_open_to_everyone`) and how a
served file may be cached (`is_open_to_everyone`, used by `publications.views.serve_document`).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)
from wagtail.permissions import policy_registry

from publications.models import DocumentSettings, DocumentUse, PublicationPage, embargoed_q

# ---------------------------------------------------------------------------
# What pages use: written with the page


def documents_linked_by(page):
    """The keys of the documents the page's content links, however it links them."""
    # Wagtail's own reader of a page's references: fields, StreamField blocks, rich-text links
    # and inline children alike. Only what it yields is used; the index it feeds is not read.
    document_type = ReferenceIndex._get_base_content_type(get_document_model()).pk
    return {
        int(to_object_id)
        for content_type_id, to_object_id, _model_path, _content_path in (
            ReferenceIndex._extract_references_from_object(page)
        )
        if content_type_id == document_type and str(to_object_id).isdigit()
    }


def record_document_uses(page):
    """Make `DocumentUse` say exactly which documents the page's saved content links."""
    linked = documents_linked_by(page)
    with transaction.atomic():
        DocumentUse.objects.filter(page_id=page.pk).exclude(document_id__in=linked).delete()
        if linked:
            # A block may still name a document that has since been deleted.
            existing = (
                get_document_model().objects.filter(pk__in=linked).values_list("pk", flat=True)
            )
            DocumentUse.objects.bulk_create(
                [DocumentUse(page_id=page.pk, document_id=pk) for pk in existing],
                ignore_conflicts=True,
            )


def _saved_content(page, update_fields):
    """The page as the database now holds it, or None if the save wrote no content.

    Wagtail's bookkeeping saves (a draft revision, a lock) write a few fields of a page whose
    other fields may hold an unpublished draft: only what was written counts.
    """
    if update_fields is None:
        return page
    document_model = get_document_model()
    linking = {
        field.name
        for field in page._meta.get_fields()
        if hasattr(field, "extract_references") or field.related_model is document_model
    }
    if not linking & set(update_fields):
        return None
    return type(page).objects.get(pk=page.pk)


@receiver(post_save)
def keep_document_uses_with_the_page(sender, instance, raw=False, update_fields=None, **kwargs):
    # A deleted page's uses go with it (the foreign key cascades).
    if raw or not isinstance(instance, Page):
        return
    saved = _saved_content(instance, update_fields)
    if saved is not None:
        record_document_uses(saved)


# ---------------------------------------------------------------------------
# The rules, read at request time


def can_edit_document(user, document):
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return user.has_perm("wagtaildocs.change_document") or (
        policy.user_has_permission_for_instance(user, "change", document)
    )


def embargoed_document_keys():
    """A subquery: every document linked by a publication whose embargo is in force today."""
    embargoed = PublicationPage.objects.filter(embargoed_q()).values("pk")
    return DocumentUse.objects.filter(page__in=embargoed).values("document")


def is_under_embargo(document):
    return DocumentUse.objects.filter(
        document=document, document__in=embargoed_document_keys()
    ).exists()


def public_collection_keys():
    """A subquery: the collections editors have opened to everyone."""
    return DocumentSettings.public_collections.through.objects.values("collection")


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


def documents_open_to_everyone(queryset):
    """The documents in `queryset` that any visitor may download, in a fixed number of queries."""
    public_pages = Page.objects.live().public().values("pk")
    used_publicly = DocumentUse.objects.filter(page__in=public_pages).values("document")
    return (
        queryset.filter(Q(pk__in=used_publicly) | Q(collection__in=public_collection_keys()))
        .exclude(pk__in=embargoed_document_keys())
        .exclude(collection__in=restricted_collections())
    )


def is_open_to_everyone(document):
    """True if any visitor, signed in or not, may download the document."""
    documents = get_document_model().objects.filter(pk=document.pk)
    return documents_open_to_everyone(documents).exists()


def visitor_may_download(request, document):
    """Whether this visitor gets the file (collection privacy is checked by Wagtail's hook)."""
    if can_edit_document(request.user, document):
        return True
    if is_under_embargo(document):
        return False
    if DocumentSettings.public_collections.through.objects.filter(
        collection=document.collection_id
    ).exists():
        return True
    pages = Page.objects.live().filter(
        pk__in=DocumentUse.objects.filter(document=document).values("page")
    )
    paths = list(pages.values_list("path", flat=True))
    if not paths:
        return False
    # Every restriction on the site at once (there are few), matched to the pages by tree path.
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    return any(
        all(
            restriction.accept_request(request)
            for restriction in restrictions
            if path.startswith(restriction.page.path)
        )
        for path in paths
    )
