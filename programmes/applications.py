"""When a programme takes applications: the window editors set, and what it says on a given day.

Editors choose how people apply (`ApplicationMode`) and, for applications with dates, when they
open and close. From those and today's date each programme is in one `ApplicationWindow`, worked
out by one rule (`window_rule`) that the page reads in Python and the listing in the database, so a
listing filters by what its cards say.

A label that depends on today goes stale in the HTTP cache: `next_change` gives the day it
changes, and core.cache.keep_until_change keeps the page from being cached past that midnight.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from core.rules import FirstMatch


class ApplicationMode(models.TextChoices):
    NONE = "", "Not taking applications, or not said"
    DATES = "dates", "Applications open and close on dates"
    INTEREST = "interest", "Register interest (no dates yet)"


class ApplicationWindow(models.TextChoices):
    OPEN = "open", "Open now"
    OPENING_SOON = "opening_soon", "Opening soon"
    CLOSED = "closed", "Closed"
    REGISTER_INTEREST = "register_interest", "Register interest"


def clean_window(mode, opens, closes):
    """The errors, by field, of a window that makes no sense; empty when it does."""
    if mode != ApplicationMode.DATES:
        errors = {}
        message = (
            "Dates are used only when applications open and close on dates: choose that, "
            "or clear this date."
        )
        if opens:
            errors["applications_open"] = message
        if closes:
            errors["applications_close"] = message
        return errors
    if not opens and not closes:
        return {"applications_open": "Give the day applications open, close, or both."}
    if opens and closes and closes < opens:
        return {"applications_close": "Applications cannot close before they open."}
    return {}


def validate_window(mode, opens, closes):
    errors = clean_window(mode, opens, closes)
    if errors:
        raise ValidationError(errors)


def window_rule(today):
    """The window a programme is in on `today` (None when it takes no applications)."""
    dated = {"application_mode": ApplicationMode.DATES}
    return FirstMatch(
        ({**dated, "applications_open__gt": today}, ApplicationWindow.OPENING_SOON),
        ({**dated, "applications_close__lt": today}, ApplicationWindow.CLOSED),
        (dated, ApplicationWindow.OPEN),
        ({"application_mode": ApplicationMode.INTEREST}, ApplicationWindow.REGISTER_INTEREST),
    )


def _day(date, today):
    return date.strftime("%-d %B" if date.year == today.year else "%-d %B %Y")


def window_label(window, opens, closes, today):
    """What cards and the programme page say of `window` ("Applications open until 12 March",
    "Opens 1 May", "Closed", "Register interest"), or "" when it takes no applications. The short
    forms follow an "Applications" term: the key facts' row name, or the card's prefix."""
    if window == ApplicationWindow.REGISTER_INTEREST:
        return "Register interest"
    if window == ApplicationWindow.OPENING_SOON:
        return f"Opens {_day(opens, today)}"
    if window == ApplicationWindow.CLOSED:
        return "Closed"
    if window == ApplicationWindow.OPEN:
        return f"Applications open until {_day(closes, today)}" if closes else "Applications open"
    return ""


def next_change(mode, opens, closes, today):
    """The first day after `today` on which the window's label reads differently, or None."""
    if mode != ApplicationMode.DATES:
        return None
    days = [day for day in (opens, closes and closes + datetime.timedelta(days=1)) if day]
    later = [day for day in days if day > today]
    return min(later) if later else None
