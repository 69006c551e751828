"""Citations: Google Scholar tags, 'Cite this' in Harvard style, BibTeX and RIS downloads, DOIs."""

import datetime

import bibtexparser
import pytest
import rispy
import time_machine
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from core.factories import DocumentFactory, StandardPageFactory
from people.factories import PersonFactory
from publications.citations import initials, split_name
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationKind, normalise_doi
from tests.core.html import parse

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"


@pytest.fixture
def bristol(publication_index):
    """The seed's evaluation, with its two authors, a DOI and a PDF."""
    return PublicationPageFactory(
        parent=publication_index,
        title="Evaluation of the Bristol Mental Health Systems Leadership model",
        slug="bristol-evaluation",
        kind=PublicationKind.EVALUATION,
        year=2017,
        doi="10.1000/bristol.2017",
        summary="How a mental health system learnt to lead together.",
        authors=authors(
            PersonFactory(name="K. Newbigging", honorific=""),
            PersonFactory(name="B. Weir", honorific=""),
        ),
    )


def citation_tags(response):
    return [
        (element["name"], element["content"])
        for element in parse(response).find_all("meta")
        if element.get("name", "").startswith("citation_")
    ]


# ---------------------------------------------------------------------------
# Google Scholar


def test_scholar_tags_give_title_each_author_date_publisher_and_pdf(client, bristol):
    tags = citation_tags(client.get(bristol.url))

    assert tags == [
        ("citation_title", bristol.title),
        ("citation_author", "Newbigging, K."),
        ("citation_author", "Weir, B."),
        ("citation_publication_date", "2017"),
        ("citation_publisher", "Systems Leadership"),
        ("citation_technical_report_institution", "Systems Leadership"),
        ("citation_doi", "10.1000/bristol.2017"),
        ("citation_abstract_html_url", f"{ROOT}/publications/bristol-evaluation/"),
        ("citation_pdf_url", ROOT + bristol.document.url),
    ]


def test_no_pdf_address_while_embargoed_or_without_a_pdf(client, publication_index):
    embargoed = PublicationPageFactory(parent=publication_index, embargoed=True)
    without = PublicationPageFactory(parent=publication_index, document=None)
    spreadsheet = PublicationPageFactory(
        parent=publication_index, document=DocumentFactory(file__filename="data.csv")
    )

    for page in (embargoed, without, spreadsheet):
        response = client.get(page.url)
        names = [name for name, _content in citation_tags(response)]

        assert "citation_title" in names, page.url
        assert "citation_pdf_url" not in names, page.url
    assert embargoed.document.url not in client.get(embargoed.url).content.decode()


def test_an_embargo_that_has_ended_gives_the_pdf(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=datetime.date(2024, 1, 1)
    )

    with time_machine.travel(datetime.datetime(2023, 12, 31, 12, tzinfo=datetime.UTC)):
        before = dict(citation_tags(client.get(page.url)))
    with time_machine.travel(datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.UTC)):
        after = dict(citation_tags(client.get(page.url)))

    assert "citation_pdf_url" not in before
    assert after["citation_pdf_url"] == ROOT + page.document.url


# ---------------------------------------------------------------------------
# Cite this


def cite_section(client, page):
    html = parse(client.get(page.url))
    section = html.find("section", class_="cite")
    assert section is not None and html.find("h2", id="cite-heading") is not None
    return html


@time_machine.travel(datetime.datetime(2025, 3, 5, 10, tzinfo=datetime.UTC))
def test_cite_this_in_harvard_style(client, bristol):
    bristol.doi = ""
    bristol.save_revision().publish()

    html = cite_section(client, bristol)

    assert (
        "Newbigging, K. and Weir, B. (2017) Evaluation of the Bristol Mental Health Systems "
        "Leadership model. Systems Leadership. Available at: "
        f"{ROOT}/publications/bristol-evaluation/ (Accessed: 5 March 2025)."
    ) in html.text
    assert html.find("i") is not None


def test_harvard_with_a_doi_three_authors_and_no_year(client, publication_index):
    people = [
        PersonFactory(name=name, honorific="")
        for name in ("Jon Glasby", "Ann Lee", "Sarah-Jane Marsh")
    ]
    page = PublicationPageFactory(
        parent=publication_index,
        title="Leading together",
        year=None,
        doi="10.1000/abc",
        authors=authors(*people),
    )

    html = cite_section(client, page)

    assert (
        "Glasby, J., Lee, A. and Marsh, S.-J. (no date) Leading together. Systems Leadership. "
        "doi: 10.1000/abc."
    ) in html.text
    assert html.find("a", href="https://doi.org/10.1000/abc") is not None


def test_harvard_without_authors_starts_with_the_title(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, title="Annual review", year=2020, authors=[], doi=""
    )

    assert (
        "Annual review (2020). Systems Leadership. Available at:" in cite_section(client, page).text
    )


def test_cite_this_links_to_both_downloads(client, bristol):
    html = cite_section(client, bristol)

    bib = html.find("a", href=f"/citations/{bristol.pk}.bib")
    ris = html.find("a", href=f"/citations/{bristol.pk}.ris")
    assert bib is not None and "download" in bib.attrs
    assert ris is not None and "download" in ris.attrs
    assert "Download the citation as BibTeX (.bib)" in html.text
    assert "Download the citation as RIS (.ris)" in html.text


def test_author_names_link_to_their_pages(client, bristol):
    html = parse(client.get(bristol.url))

    links = html.find_all("a", class_="byline__author")
    assert [link["href"] for link in links] == ["/people/k-newbigging/", "/people/b-weir/"]


# ---------------------------------------------------------------------------
# Downloads


def download(client, page, extension):
    response = client.get(f"/citations/{page.pk}.{extension}")
    assert response.status_code == 200
    return response


def test_bibtex_download_parses_as_a_technical_report(client, bristol):
    response = download(client, bristol, "bib")

    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    filename = "evaluation-of-the-bristol-mental-health-systems-leadership-model.bib"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    library = bibtexparser.parse_string(response.content.decode())
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    assert entry.key == "Newbigging2017Evaluation"
    fields = entry.fields_dict
    assert fields["title"].value == bristol.title
    assert fields["author"].value == "Newbigging, K. and Weir, B."
    assert fields["year"].value == "2017"
    assert fields["institution"].value == "Systems Leadership"
    assert fields["doi"].value == "10.1000/bristol.2017"
    assert fields["url"].value == "https://doi.org/10.1000/bristol.2017"


def test_bibtex_escapes_what_latex_would_read_as_commands(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        title="Costs & savings: 50% of {care} #budgets_2024",
        kind=PublicationKind.ARTICLE,
    )

    content = download(client, page, "bib").content.decode()

    library = bibtexparser.parse_string(content)
    (entry,) = library.entries
    assert entry.entry_type == "article"
    assert entry.fields_dict["title"].value == r"Costs \& savings: 50\% of \{care\} \#budgets\_2024"


def test_ris_download_parses_with_every_field(client, bristol):
    response = download(client, bristol, "ris")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"].endswith('.ris"')
    assert b"\r\n" in response.content
    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == bristol.title
    assert entry["authors"] == ["Newbigging, K.", "Weir, B."]
    assert entry["year"] == "2017"
    assert entry["publisher"] == "Systems Leadership"
    assert entry["doi"] == "10.1000/bristol.2017"
    assert entry["urls"] == ["https://doi.org/10.1000/bristol.2017"]
    assert entry["abstract"] == "How a mental health system learnt to lead together."


def test_ris_of_a_journal_article_without_a_doi_points_to_its_page(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, kind=PublicationKind.ARTICLE, doi="", external_url=""
    )

    (entry,) = rispy.loads(download(client, page, "ris").content.decode())

    assert entry["type_of_reference"] == "JOUR"
    assert entry["urls"] == [page.full_url]
    assert "doi" not in entry


def test_download_filenames_are_safe(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, title='Ärzte "quoted" / ../../etc\\passwd; name=x'
    )

    disposition = download(client, page, "ris")["Content-Disposition"]

    filename = disposition.removeprefix('attachment; filename="').removesuffix('"')
    assert filename == "arzte-quoted-etcpasswd-namex.ris"


@pytest.mark.parametrize("extension", ["pdf", "bibx", "BIB", ""])
def test_unknown_formats_are_not_found(client, bristol, extension):
    assert client.get(f"/citations/{bristol.pk}.{extension}").status_code == 404


def test_citations_of_drafts_private_pages_and_other_pages_are_not_found(
    client, publication_index, home
):
    draft = PublicationPageFactory(parent=publication_index, live=False)
    private = PublicationPageFactory(parent=publication_index)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other = StandardPageFactory(parent=home)

    for page_id in (draft.pk, private.pk, other.pk, 999999):
        assert client.get(f"/citations/{page_id}.bib").status_code == 404, page_id
        assert client.get(f"/citations/{page_id}.ris").status_code == 404, page_id


# ---------------------------------------------------------------------------
# DOI and names


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("10.1000/xyz123", "10.1000/xyz123"),
        (" https://doi.org/10.1000/xyz123 ", "10.1000/xyz123"),
        ("doi:10.1000/xyz123", "10.1000/xyz123"),
        ("DOI: 10.1136/bmj.m1", "10.1136/bmj.m1"),
        ("https://dx.doi.org/10.1000/a(b)c", "10.1000/a(b)c"),
    ],
)
def test_doi_is_stored_without_its_prefix(publication_index, given, stored):
    page = PublicationPageFactory(parent=publication_index)
    page.doi = given

    page.full_clean()

    assert page.doi == stored == normalise_doi(given)


@pytest.mark.parametrize(
    "given", ["xyz", "10.1/short", "https://example.org/report", "10.1000/has space"]
)
def test_a_doi_that_is_not_one_is_refused(publication_index, given):
    page = PublicationPageFactory(parent=publication_index)
    page.doi = given

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert error.value.message_dict["doi"] == ["Give a DOI such as 10.1000/xyz123."]


@pytest.mark.parametrize(
    ("name", "family", "letters"),
    [
        ("Jon Glasby", "Glasby", "J."),
        ("K. Newbigging", "Newbigging", "K."),
        ("Sarah-Jane Marsh", "Marsh", "S.-J."),
        ("Mary Ann Evans", "Evans", "M.A."),
        ("Plato", "Plato", ""),
    ],
)
def test_names_are_split_into_family_name_and_initials(name, family, letters):
    found_family, given = split_name(name)

    assert found_family == family
    assert initials(given) == letters
