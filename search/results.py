"""One page of search results as visitors see them: type, date, excerpt, transcript moment."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from core.cards import as_own_types
from core.video import transcript_seconds
from search import excerpts, page_types


@dataclass
class TranscriptMoment:
    """Where in an interview the words are spoken."""

    seconds: int
    start: str
    speaker: str
    excerpt: str
    url: str


@dataclass
class Result:
    """One page found, as shown in the list."""

    page: Page
    url: str
    label: str
    date_text: str
    date_iso: str
    excerpt: str
    recommended: bool = False
    recommendation: str = ""
    transcript: TranscriptMoment | None = None

    @property
    def embargoed(self):
        return bool(getattr(self.page, "embargo_active", False))


def results_for(page_ids, promotions, terms, request, backend, content_types=None):
    """The results for these pages, in their order, in a fixed number of queries.

    `promotions` are the editors' picks among them, {page id: SearchPromotion}; with
    `content_types` ({page id: content type id}), only the tables of the types among them are
    joined to read them as their own types, else every searchable type's.
    """
    models = page_types.searchable_models()
    if content_types is not None:
        present = {content_types.get(pk) for pk in page_ids}
        type_of = ContentType.objects.get_for_models(*models)
        models = [model for model in models if type_of[model].pk in present]
    pages = as_own_types(Page.objects.filter(pk__in=page_ids), models)
    found = [pages[pk] for pk in page_ids if pk in pages]
    marked = excerpts.database_excerpts(found, terms, backend) if terms else {}
    results = []
    for page in found:
        date_text, date_iso = _date(getattr(page, "display_date", None))
        excerpt = marked.get(page.pk)
        if excerpt is None:
            summary = getattr(page, "summary", "") or page.search_description or ""
            excerpt = excerpts.python_excerpt(summary, terms)
        url = page.get_url(request=request) or ""
        promotion = promotions.get(page.pk)
        results.append(
            Result(
                page=page,
                url=url,
                label=page_types.type_label(type(page)),
                date_text=date_text,
                date_iso=date_iso,
                excerpt=excerpt,
                recommended=promotion is not None,
                recommendation=promotion.description if promotion else "",
                transcript=transcript_moment(page, terms, url),
            )
        )
    return results


def _date(value):
    """(text, ISO date or '') for a page's display date: a date, a year or a period of years."""
    if isinstance(value, datetime.date):
        return value.strftime("%-d %B %Y"), value.isoformat()
    if isinstance(value, int):
        return str(value), f"{value:04d}"
    if value:
        return str(value), ""
    return "", ""


def transcript_moment(page, terms, url):
    """The timed transcript paragraph that best matches the terms, if the page has one."""
    transcript = getattr(page, "transcript", None)
    if not transcript or not terms or not url:
        return None
    best, best_score = None, 0
    for block in transcript:
        value = block.value
        start = (value.get("start") or "").strip() if hasattr(value, "get") else ""
        seconds = transcript_seconds(start) if start else None
        if seconds is None:
            continue
        score = excerpts.matches(value.get("text", ""), terms)
        if score > best_score:
            best, best_score = (seconds, start, value), score
    if best is None:
        return None
    seconds, start, value = best
    return TranscriptMoment(
        seconds=seconds,
        start=start,
        speaker=value.get("speaker", "") or "",
        excerpt=excerpts.python_excerpt(value.get("text", ""), terms, words=24),
        url=f"{url}#transcript-{seconds}",
    )
