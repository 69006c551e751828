"""Admin and serving hooks for publications: the document rules, and the summary check."""

from django.http import Http404
from wagtail import hooks

from publications.documents import is_under_embargo, visitor_may_download
from publications.models import PublicationPage


@hooks.register("before_serve_document")
def keep_unreleased_documents_private(document, request):
    """Only released files reach visitors: the rules are in publications/documents.py."""
    if not visitor_may_download(request, document):
        raise Http404("This document is not published, or is under embargo.")
    return None


@hooks.register("document_notice")
def embargo_notice(document):
    """Document links elsewhere on the site say the file is embargoed instead of linking to it."""
    return "Embargoed" if is_under_embargo(document) else ""


NO_SUMMARY = (
    "This publication has no summary. Add one or two sentences: they are shown in listings, in "
    "search results and to search engines."
)


@hooks.register("content_warnings")
def publication_warnings(page):
    if isinstance(page, PublicationPage) and not page.summary.strip():
        return [NO_SUMMARY]
    return []
