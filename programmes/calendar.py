"""A programme's closing date for applications as an iCalendar file (RFC 5545).

Written here rather than with a library: one all-day event needs only text escaping and line
folding, and no calendar library is among the project's requirements.
"""

import datetime
from urllib.parse import urlsplit

from django.utils import timezone

PRODUCT = "-//Systems Leadership Portal//Programme application dates//EN"


def escape(text):
    """TEXT as RFC 5545 writes it (3.3.11): backslash, semicolon, comma and newline escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """One content line in pieces of at most 75 octets, never splitting a character (3.1)."""
    pieces, current, size = [], "", 0
    for character in line:
        length = len(character.encode())
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if size + length > limit:
            pieces.append(current)
            current, size = "", 0
        current += character
        size += length
    pieces.append(current)
    return "\r\n ".join(pieces)


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def closing_date_calendar(page, url):
    """The calendar with one all-day event on the day applications to `page` close.

    Its UID names the programme (not the date), so a calendar that imported the file before
    updates the event when the date moves; DTSTAMP is when the page was last published, so the
    file is the same for every visitor until editors change the page.
    """
    day = page.applications_close
    host = urlsplit(url).hostname or "localhost"
    stamp = page.last_published_at or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:programme-{page.pk}-applications-close@{host}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(f'Applications close: {page.title}')}",
        f"DESCRIPTION:{escape(f'The last day to apply. Details: {url}')}",
        f"URL;VALUE=URI:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
