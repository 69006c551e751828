"""Listing filters: a django-filter FilterSet whose choices each say how many items they give.

An index page sets `filterset_class` to a `FacetedFilterSet`; `filter_listing` applies what the
visitor chose and describes the form for `components/filters.html`. Each facet's counts come from
one grouped query over the listing narrowed by the *other* filters, so the number of queries
depends on the number of filters, never on the number of items or of choices.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Cast
from django.utils import timezone

from core.fragments import kept_for_query

# A value longer than this is not a slug, year or kind of anything; it is shown cut short.
SHOWN_VALUE_LENGTH = 60


def _natural(text):
    """Sorts counted values as numbers where they are numbers (years), else as text."""
    return (0, int(text), "") if text.lstrip("-").isdigit() else (1, 0, text)


@dataclass(frozen=True)
class Facet:
    """How the items are grouped to count one filter's choices.

    `value` is the lookup (or expression) whose values the filter takes, e.g. "focus_areas__slug";
    `label` the lookup naming each value ("focus_areas__title"), else the filter's own choices or
    the value itself; `order` the lookup the choices are sorted by (the label by default);
    `newest_first` sorts plain values (years) from the highest down.
    """

    value: object
    label: str = ""
    order: str = ""
    newest_first: bool = False


class YearFilter(django_filters.NumberFilter):
    """A year as a whole number: "2024.5", "abc" or "0" is not a year (and reaches no query)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet over a listing, with a `Facet` for each filter that offers counted choices."""

    facets = {}

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.bad_values = {}
        if data is not None:
            data = self.usable_data(data)
        super().__init__(data, queryset, request=request, prefix=prefix)

    def usable_data(self, data):
        """The filters' own values from the query string, each once; values no database can
        hold (a NUL character) are set aside as bad before anything queries with them."""
        usable = {}
        for name in self.base_filters:
            value = data.get(name, "")
            if "\x00" in value:
                self.bad_values[name] = value
            elif value.strip():
                usable[name] = value.strip()
        return usable

    @property
    def chosen(self):
        """{filter name: cleaned value} of the filters that were given and are valid."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 -- validates the form, filling cleaned_data
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in django_filters.constants.EMPTY_VALUES
        }

    def invalid(self):
        """{filter name: the value given} for every value that cannot be used."""
        bad = dict(self.bad_values)
        if self.is_bound:
            for name in self.form.errors:
                bad[name] = self.data.get(name, "")
        return bad

    def narrowed(self, leave_out=None):
        """The listing narrowed by every valid choice but `leave_out`'s."""
        queryset = self.queryset.all()
        for name, value in self.chosen.items():
            if name != leave_out:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def count_query(self, name):
        """The grouped query counting `name`'s values given the other filters, its columns as
        text so that every facet's query can be read in one (`counts`)."""
        facet = self.facets[name]
        value = F(facet.value) if isinstance(facet.value, str) else facet.value
        text = CharField()
        fields = {
            "facet_name": Value(name, output_field=text),
            "facet_value": Cast(value, text),
            "facet_label": Cast(F(facet.label), text) if facet.label else Value(None, text),
            "facet_order": Cast(F(facet.order), text) if facet.order else Value(None, text),
        }
        queryset = self.narrowed(leave_out=name)
        filter_ = self.filters[name]
        if hasattr(filter_, "get_queryset") and isinstance(facet.value, str):
            # Only the rows the filter accepts (live focus areas, not drafts) are choices.
            self.form  # noqa: B018 -- building the form reads the filter's queryset once
            allowed = filter_.extra.get("queryset")
            if allowed is None:
                allowed = filter_.get_queryset(self.request)
            field = filter_.extra.get("to_field_name") or "pk"
            queryset = queryset.filter(**{f"{facet.value}__in": allowed.values(field)})
        return (
            queryset.prefetch_related(None)
            .order_by()
            .values(**fields)
            .annotate(facet_count=Count("pk", distinct=True))
        )

    def counts(self, name):
        """[(value, label, count, order)] for each value of `name` that some items have, given
        the other filters (label and order are None where not asked for). Every facet's counts
        are read in one query, the first time any is asked for."""
        if not hasattr(self, "_counts"):
            queries = [self.count_query(facet) for facet in self.facets]
            rows = (
                queries[0].union(*queries[1:], all=True).order_by() if queries[1:] else queries[0]
            )
            # Kept until the content changes, and for the day only (a status depends on it).
            self._counts = kept_for_query(
                "facet-counts", rows, lambda: self._read_counts(rows), timezone.localdate()
            )
        return list(self._counts[name])

    def _read_counts(self, rows):
        counts = {facet: [] for facet in self.facets}
        for row in rows:
            if row["facet_value"] is not None:
                counts[row["facet_name"]].append(
                    (row["facet_value"], row["facet_label"], row["facet_count"], row["facet_order"])
                )
        return counts

    def options(self, name):
        """The choices offered for `name`: [{value, label, count, selected}], those giving no
        items left out unless chosen (a choice that leads nowhere is not worth a place)."""
        facet = self.facets[name]
        chosen = self.chosen.get(name)
        chosen_value = self.url_value(name, chosen) if chosen is not None else None
        rows = self.counts(name)
        counted = {str(value): count for value, _, count, _ in rows}
        static = [(str(v), str(label)) for v, label in self.static_choices(name)]
        if static:
            pairs = static
        else:
            if facet.label:
                rows.sort(key=lambda row: str(row[3] if facet.order else row[1]).casefold())
            else:
                rows.sort(key=lambda row: _natural(row[0]), reverse=facet.newest_first)
            pairs = [(str(value), str(label or value)) for value, label, _, _ in rows]
            if chosen_value is not None and chosen_value not in counted:
                pairs.insert(0, (chosen_value, self.label_of(name, chosen)))
        return [
            {
                "value": value,
                "label": label,
                "count": counted.get(value, 0),
                "selected": value == chosen_value,
            }
            for value, label in pairs
            if counted.get(value) or value == chosen_value
        ]

    def static_choices(self, name):
        """A ChoiceFilter's fixed choices (not a model's rows), in the order given."""
        choices = self.filters[name].extra.get("choices")
        if not choices or callable(choices):
            return []
        return [(value, label) for value, label in choices if value not in ("", None)]

    def url_value(self, name, value):
        """How a valid value is written in the address: a model row as it was given (its slug),
        anything else as its clean text (a year "02024" is 2024)."""
        if hasattr(value, "_meta"):
            return self.data.get(name, "")
        return str(value)

    def label_of(self, name, value):
        """The label of a chosen model row that no item has now, named as the counts name it."""
        label = self.facets[name].label
        return str(getattr(value, label.rsplit("__", 1)[-1], value) if label else value)

    def errors_text(self):
        """One sentence per value that could not be used, naming the filter and the value."""
        messages = []
        for name, value in self.invalid().items():
            label = str(self.filters[name].label or name).lower()
            shown = value if len(value) <= SHOWN_VALUE_LENGTH else value[:SHOWN_VALUE_LENGTH] + "…"
            shown = shown.replace("\x00", "")
            messages.append(
                f"There is no {label} “{shown}” to filter by, so that filter was left out."
            )
        return messages


def filter_listing(filterset_class, request, queryset):
    """(the listing narrowed by the visitor's valid choices, what the filter form shows)."""
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    fields = []
    for name, filter_ in filterset.filters.items():
        options = filterset.options(name) if name in filterset.facets else []
        fields.append(
            {
                "name": name,
                "label": str(filter_.label or name.replace("_", " ").capitalize()),
                "id": f"filter-{name.replace('_', '-')}",
                "options": options,
            }
        )
    chosen = [
        {"label": field["label"], "value": option["label"]}
        for field in fields
        for option in field["options"]
        if option["selected"]
    ]
    return filterset.narrowed(), {
        "fields": fields,
        "chosen": chosen,
        "is_filtered": bool(chosen),
        "errors": filterset.errors_text(),
    }
