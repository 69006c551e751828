"""A programme's status on a day, one rule for the listing's filters and counts and for the page.

Dated programmes take their status from their dates; undated ones (in development, or older
programmes without dates) keep the status their editor chose.
"""

from django.db.models import F

from core.rules import FirstMatch
from programmes.choices import ProgrammeStatus


def status_rule(today):
    return FirstMatch(
        ({"start_date__isnull": True}, F("status")),
        ({"end_date__lt": today}, ProgrammeStatus.DELIVERED),
        ({"start_date__gt": today}, ProgrammeStatus.IN_DEVELOPMENT),
        default=ProgrammeStatus.CURRENT,
    )
