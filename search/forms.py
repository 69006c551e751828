"""The visitor's search: the words, the filters and the order, each checked before use."""

import re

from django import forms

from search import page_types

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_TERM_LENGTH = 40

# Words are runs of letters and digits in any script; everything else (quotes, operators of
# query languages, punctuation, emoji) only separates them, so no query syntax reaches a backend.
_WORD = re.compile(r"[^\W_]+")

SORT_CHOICES = [("relevance", "Relevance"), ("date", "Date, newest first")]


def clean_query(raw):
    """The visitor's query without control characters, trimmed to a length worth searching."""
    # Only the start of a very long query can matter; the rest is never looked at.
    text = "".join(
        ch for ch in str(raw)[: MAX_QUERY_LENGTH * 4] if ch.isprintable() or ch.isspace()
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        # Cut at a space, so that the last word is not searched for as a fragment.
        cut = text[: MAX_QUERY_LENGTH + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_LENGTH]
    return text


def query_terms(query):
    """The words of a query, lower-cased, as many as are worth searching for."""
    words = [word.lower()[:MAX_TERM_LENGTH] for word in _WORD.findall(query)]
    return tuple(dict.fromkeys(words))[:MAX_TERMS]


class QueryField(forms.CharField):
    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    """The results page's form; bad filters are dropped with a message rather than refused."""

    q = QueryField(required=False, label="Search the site")
    type = forms.ChoiceField(required=False)
    focus_area = forms.ChoiceField(required=False)
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)

    MESSAGES = {
        "type": "There is no such type of page; showing every type.",
        "focus_area": "There is no such focus area; showing every focus area.",
        "sort": "Results can be sorted by relevance or by date; showing the most relevant first.",
    }

    def __init__(self, data, focus_areas=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["type"].choices = [("", "All types")] + [
            (slug, page_type.label) for slug, page_type in page_types.page_types().items()
        ]
        self.fields["focus_area"].choices = [("", "All focus areas")] + [
            (slug, title) for _pk, slug, title in focus_areas
        ]

    @property
    def params(self):
        """(cleaned values, messages): every field has a usable value, bad ones reset."""
        self.is_valid()
        values = {name: self.cleaned_data.get(name, "") for name in self.fields}
        messages = []
        for name in self.errors:
            values[name] = ""
            if name in self.MESSAGES:
                messages.append(self.MESSAGES[name])
        values["q"] = values["q"] or ""
        values["sort"] = values["sort"] or "relevance"
        return values, messages
