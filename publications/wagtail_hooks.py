"""Admin and serving hooks for publications: the document rules, and the summary check."""

from django.http import Http404
from wagtail import hooks

from publications.documents import (
    can_edit_document,
    is_under_embargo,
    pages_using,
    visitor_may_see_a_page,
)
from publications.models import PublicationPage


@hooks.register("before_serve_document")
def keep_embargoed_and_unpublished_documents_private(document, request):
    if can_edit_document(request.user, document):
        return None
    if is_under_embargo(document):
        raise Http404("This document is under embargo.")
    pages = pages_using(document)
    if pages.exists() and not visitor_may_see_a_page(request, pages):
        raise Http404("This document is not published.")
    return None


@hooks.register("document_notice")
def embargo_notice(document):
    """Document links elsewhere on the site say the file is embargoed instead of linking to it."""
    return "Embargoed" if is_under_embargo(document) else ""


@hooks.register("content_warnings")
def publication_warnings(page):
    if isinstance(page, PublicationPage) and not page.summary.strip():
        return [
            "This publication has no summary. Add one or two sentences: they are shown in "
            "listings, in search results and to search engines."
        ]
    return []
