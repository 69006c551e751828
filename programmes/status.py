"""Which programmes have a status on a day: the database's form of ProgrammePage.get_status."""

from django.db.models import Q

from programmes.choices import ProgrammeStatus


def status_condition(status, today):
    """Programmes with `status` on `today`: from their dates where they have dates."""
    undated = Q(start_date__isnull=True)
    if status == ProgrammeStatus.DELIVERED:
        return Q(end_date__lt=today) | (undated & Q(status=status))
    if status == ProgrammeStatus.CURRENT:
        return (Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))) | (
            undated & Q(status=status)
        )
    return Q(start_date__gt=today) | (undated & Q(status=status))
