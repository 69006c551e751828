"""Citation downloads, and documents served with cache headers that match who may have them.

Wagtail's document view checks who may have a file (see `publications.wagtail_hooks`); this
wrapper adds what it leaves out. Cache headers: a file served to an editor before its embargo
ends, or to a visitor who passed a page's password, must never be kept by a proxy and handed to
the next visitor. Byte ranges: a browser can only jump to a moment of an uploaded video (the
player's timeline, a transcript's timed links) if the server sends that part of the file.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

from publications.citations import FORMATS, Citation, citation_filename
from publications.documents import is_open_to_everyone
from publications.models import PublicationPage

# Answers that carry the file (or confirm the cached copy): these need the cache rule.
SERVED = {200, 206, 304}
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
UNSATISFIABLE = "unsatisfiable"
# A byte position past any file's size; longer numbers are read as it (int() refuses 4,300 digits).
BEYOND_ANY_FILE = 10**18
CHUNK = 64 * 1024
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "ETag",
    "Last-Modified",
)


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, with cache rules and byte ranges."""
    response = serve(request, document_id, document_filename)
    if response.status_code not in SERVED:
        return response
    document = get_document_model().objects.select_related("collection").get(pk=document_id)
    if response.status_code == 200 and hasattr(response, "file_to_stream"):
        if settings.DOCUMENTS_ACCEL_PREFIX:
            response = _handed_to_nginx(response, document)
        else:
            response = _ranged(request, response, document.file.size)
    if is_open_to_everyone(document):
        # Kept, but checked with the site on every use (the ETag makes that cheap), so an
        # embargo or an unpublished page takes effect at once.
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def requested_range(request, response, size):
    """(first, last) byte asked for, None for the whole file, or UNSATISFIABLE."""
    header = request.headers.get("Range", "")
    match = SINGLE_RANGE.match(header.replace(" ", ""))
    if not match or match.groups() == ("", ""):
        # Several ranges at once, or none: the whole file is a correct answer to either.
        return None
    if_range = request.headers.get("If-Range")
    if if_range and if_range != response.get("ETag"):
        return None
    first, last = (_position(number) for number in match.groups())
    if first == "":
        # "bytes=-500": the last 500 bytes.
        length = last
        if length == 0:
            return UNSATISFIABLE
        return max(size - length, 0), size - 1
    last = min(last, size - 1) if last != "" else size - 1
    if first >= size or last < first:
        return UNSATISFIABLE
    return first, last


def _position(digits):
    """A byte position of the Range header, "" where it has none."""
    if digits == "":
        return ""
    return BEYOND_ANY_FILE if len(digits) > 18 else int(digits)


def _ranged(request, response, size):
    response["Accept-Ranges"] = "bytes"
    wanted = requested_range(request, response, size)
    if wanted is None:
        return response
    if wanted == UNSATISFIABLE:
        # Only the file: closing the response itself would signal the end of the request.
        response.file_to_stream.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    first, last = wanted
    # The part is read from the file the whole answer would have sent, which it then closes.
    partial = StreamingHttpResponse(
        _read(response.file_to_stream, first, last - first + 1), status=206
    )
    for header in KEPT_HEADERS:
        if header in response:
            partial[header] = response[header]
    partial["Accept-Ranges"] = "bytes"
    partial["Content-Range"] = f"bytes {first}-{last}/{size}"
    partial["Content-Length"] = str(last - first + 1)
    return partial


def _handed_to_nginx(response, document):
    """The app has said yes; nginx sends the file (and its byte ranges), and no worker waits."""
    response.file_to_stream.close()
    handed = HttpResponse()
    for header in KEPT_HEADERS:
        if header in response:
            handed[header] = response[header]
    handed["X-Accel-Redirect"] = settings.DOCUMENTS_ACCEL_PREFIX + quote(document.file.name)
    return handed


def _read(file, offset, length):
    """`length` bytes of an open file from `offset`, in chunks; the file is closed after."""
    try:
        file.seek(offset)
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()


@require_GET
@cache_control(public=True, max_age=60 * 60)
def citation_download(request, page_id, extension):
    """The citation of a live, public publication as a BibTeX or RIS file."""
    if extension not in FORMATS:
        raise Http404("No such citation format")
    page = get_object_or_404(PublicationPage.objects.live().public(), pk=page_id)
    content_type, render = FORMATS[extension]
    response = HttpResponse(render(Citation(page, request)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation_filename(page, extension)}"'
    return response
