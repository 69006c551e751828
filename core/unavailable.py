"""A branded 503 when the database cannot be reached, instead of a 500 after a long wait."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a visitor (or a crawler) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


def unavailable_response():
    """The site's own 503 page: a static template, so it renders with the database gone."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged once below (log file, Sentry); not mailed to the staff for every visitor.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """Turn a database that refuses, does not answer or dropped the connection into a 503.

    The connection is opened by the first query, in the view or its template; the connect and
    statement timeouts (settings) bound how long that takes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s: %s", request.path, exception)
        return unavailable_response()
