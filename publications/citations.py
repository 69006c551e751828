"""How to cite a publication: Harvard style on the page, BibTeX and RIS files to download, and
the Google Scholar `citation_*` tags. Only what editors entered is used: nothing is invented."""

import datetime
import re
import unicodedata

from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify

from core.seo import absolute_url, site_name
from publications.kinds import PublicationKind

BIBTEX_TYPES = {
    PublicationKind.ARTICLE: "article",
    PublicationKind.CHAPTER: "incollection",
    PublicationKind.OTHER: "misc",
}
RIS_TYPES = {
    PublicationKind.ARTICLE: "JOUR",
    PublicationKind.CHAPTER: "CHAP",
    PublicationKind.OTHER: "GEN",
}
# Reports, evaluations and briefings are reports issued by the centre.
REPORT_BIBTEX, REPORT_RIS = "techreport", "RPRT"


# ---------------------------------------------------------------------------
# Names


def split_name(name):
    """(family name, given names) of 'Jon Glasby', 'K. Newbigging'; one word is a family name."""
    words = (name or "").split()
    if not words:
        return "", ""
    return words[-1], " ".join(words[:-1])


def initials(given):
    """'Sarah-Jane' -> 'S.-J.', 'K.' -> 'K.', 'Jon Paul' -> 'J.P.'."""
    parts = []
    for word in given.split():
        pieces = [piece for piece in word.split("-") if piece]
        parts.append("-".join(f"{piece[0].upper()}." for piece in pieces))
    return "".join(parts)


def harvard_name(person):
    family, given = split_name(person.name)
    return f"{family}, {initials(given)}" if given else family


def inverted_name(person):
    """'Glasby, Jon': the form BibTeX, RIS and Google Scholar read without guessing."""
    family, given = split_name(person.name)
    return f"{family}, {given}" if given else family


def join_names(names):
    """'A', 'A and B', 'A, B and C': Harvard's list of authors."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


# ---------------------------------------------------------------------------
# The publication's details, once


class Citation:
    """What a citation says about `page`, served through `request`'s site."""

    def __init__(self, page, request):
        self.page = page
        self.people = page.people
        self.title = page.title
        self.year = page.year
        self.publisher = site_name(request)
        self.page_url = page.get_full_url(request)
        self.doi = page.doi
        self.url = page.doi_url or page.external_url or self.page_url
        self.pdf_url = ""
        document = page.document if page.document_is_downloadable else None
        if document is not None and document.file_extension.lower() == "pdf":
            self.pdf_url = absolute_url(request, document.url)

    def harvard(self, accessed=None):
        """Harvard (Cite Them Right) style, the title in italics, as safe HTML."""
        accessed = accessed or datetime.date.today()
        authors = join_names([harvard_name(person) for person in self.people])
        year = self.year or "no date"
        parts = [
            format_html("{} ({}) <i>{}</i>.", authors, year, self.title)
            if authors
            else format_html("<i>{}</i> ({}).", self.title, year)
        ]
        parts.append(format_html("{}.", self.publisher))
        if self.doi:
            parts.append(format_html("doi: {}.", self.doi))
        else:
            parts.append(
                format_html(
                    "Available at: {} (Accessed: {}).",
                    self.url,
                    f"{accessed.day} {accessed:%B %Y}",
                )
            )
        return format_html(" ".join(["{}"] * len(parts)), *parts)

    def key(self):
        """A BibTeX key: first author, year and first word of the title (Weir2017Evaluation)."""
        family = split_name(self.people[0].name)[0] if self.people else ""
        first_word = next(iter(self.title.split()), "")
        key = ascii_only(f"{family}{self.year or ''}{first_word.capitalize()}")
        return re.sub(r"[^A-Za-z0-9]", "", key) or f"publication{self.page.pk}"

    def bibtex(self):
        entry_type = BIBTEX_TYPES.get(self.page.kind, REPORT_BIBTEX)
        fields = [("title", self.title)]
        if self.people:
            fields.append(("author", " and ".join(inverted_name(p) for p in self.people)))
        if self.year:
            fields.append(("year", str(self.year)))
        fields.append(
            ("institution" if entry_type == REPORT_BIBTEX else "publisher", self.publisher)
        )
        if self.doi:
            fields.append(("doi", self.doi))
        fields.append(("url", self.url))
        if self.page.summary:
            fields.append(("abstract", self.page.summary))
        body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields)
        return f"@{entry_type}{{{self.key()},\n{body}\n}}\n"

    def ris(self):
        lines = [("TY", RIS_TYPES.get(self.page.kind, REPORT_RIS)), ("TI", self.title)]
        lines += [("AU", inverted_name(person)) for person in self.people]
        if self.year:
            lines.append(("PY", str(self.year)))
        lines.append(("PB", self.publisher))
        if self.doi:
            lines.append(("DO", self.doi))
        lines.append(("UR", self.url))
        if self.page.summary:
            lines.append(("AB", self.page.summary))
        lines.append(("ER", ""))
        # RIS is read line by line: a value never spans lines.
        return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)

    def meta_tags(self):
        """[(name, content)] for Google Scholar, in the order it documents them."""
        tags = [("citation_title", self.title)]
        tags += [("citation_author", inverted_name(person)) for person in self.people]
        if self.year:
            tags.append(("citation_publication_date", str(self.year)))
        tags.append(("citation_publisher", self.publisher))
        if self.page.kind in (PublicationKind.REPORT, PublicationKind.EVALUATION):
            tags.append(("citation_technical_report_institution", self.publisher))
        if self.doi:
            tags.append(("citation_doi", self.doi))
        tags.append(("citation_abstract_html_url", self.page_url))
        if self.pdf_url:
            tags.append(("citation_pdf_url", self.pdf_url))
        return tags


def ascii_only(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(value):
    """Characters that mean something to LaTeX, written as text; on one line."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in " ".join(str(value).split()))


# ---------------------------------------------------------------------------
# Downloads


FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", Citation.bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", Citation.ris),
}


def citation_filename(page, extension):
    """A filename safe on every system: the slugified title, ASCII only."""
    return f"{slugify(ascii_only(page.title))[:80].strip('-') or 'citation'}.{extension}"


def download_url(page, extension):
    return reverse("publication_citation", kwargs={"page_id": page.pk, "extension": extension})
