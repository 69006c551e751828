"""A value worked out from a row's fields, written once and read two ways: by the database (a CASE,
to filter and count a listing) and by Python (on a page already in hand, at no query).

A `FirstMatch` is a list of cases, each a set of field lookups that must all hold and the value it
gives; the first case that holds wins, else the default. Lookups are Django's own spelling
(`end_date__lt`, `start_date__isnull`, `application_mode`), limited to the comparisons below, and a
case's value may be `F("field")` to give what that field holds.
"""

import operator

from django.db.models import Case, CharField, F, Q, Value, When

_COMPARISONS = {
    "exact": operator.eq,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


def _holds(row, lookup, wanted):
    """Whether `lookup` holds on `row` as the database would read it (NULL compares false)."""
    field, _, comparison = lookup.partition("__")
    value = getattr(row, field)
    if comparison == "isnull":
        return (value is None) == wanted
    return value is not None and _COMPARISONS[comparison or "exact"](value, wanted)


class FirstMatch:
    def __init__(self, *cases, default=None):
        for conditions, _value in cases:
            for lookup in conditions:
                comparison = lookup.partition("__")[2]
                if comparison not in ("", "isnull", *_COMPARISONS):
                    raise ValueError(f"Not a comparison a rule can make: {lookup!r}")
        self.cases = cases
        self.default = default

    def expression(self):
        """The rule as SQL, for `.alias()`, `.filter()` and facet counts."""

        def sql(value):
            return value if isinstance(value, F) else Value(value)

        return Case(
            *[When(Q(**conditions), then=sql(value)) for conditions, value in self.cases],
            default=sql(self.default),
            output_field=CharField(),
        )

    def value_of(self, row):
        """The rule read on one object, the same answer the database gives for its row."""
        for conditions, value in self.cases:
            if all(_holds(row, lookup, wanted) for lookup, wanted in conditions.items()):
                return getattr(row, value.name) if isinstance(value, F) else value
        return self.default
