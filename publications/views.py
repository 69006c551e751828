"""Documents served with cache headers that match who may have them."""

from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

from publications.wagtail_hooks import is_open_to_everyone

# Answers that carry the file (or confirm the cached copy): these need the cache rule.
SERVED = {200, 206, 304}


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, whose answers a shared cache may keep only for open files.

    A file served to an editor before its embargo ends, or to a visitor who passed a page's
    password, must never be kept by a proxy and handed to the next visitor: it is marked
    private. Open files may be kept, but are checked with the site on every use (their ETag
    makes that cheap), so an embargo or an unpublished page takes effect at once.
    """
    response = serve(request, document_id, document_filename)
    if response.status_code in SERVED:
        document = get_document_model().objects.select_related("collection").get(pk=document_id)
        if is_open_to_everyone(document):
            patch_cache_control(response, public=True, no_cache=True)
        else:
            patch_cache_control(response, private=True, no_store=True)
    return response
