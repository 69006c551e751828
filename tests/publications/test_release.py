"""An embargo ends at the start of its end day, everywhere at once, with no one doing anything."""

import datetime
import re

import pytest
import time_machine

from publications.factories import PublicationPageFactory
from tests.publications.test_documents import local_noon

pytestmark = pytest.mark.django_db

END = datetime.date(2034, 2, 1)
DAY = datetime.timedelta(days=1)


def what_a_visitor_sees(client, publication):
    page = client.get(publication.url).content.decode()
    index = client.get("/publications/").content.decode()
    api = client.get(f"/api/v2/pages/{publication.pk}/").json()
    documents = client.get("/api/v2/documents/").json()
    return {
        "page says": re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)),
        "page links the file": f'href="{publication.document.url}"' in page,
        "index marks it embargoed": "Embargoed</span>" in index,
        "file": client.get(publication.document.url).status_code,
        "api file": api["document"],
        "api lists the file": publication.document.pk in [d["id"] for d in documents["items"]],
    }


def test_the_day_before_the_end_everything_holds(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=END)

    with time_machine.travel(local_noon(END - DAY), tick=False):
        seen = what_a_visitor_sees(client, publication)

    assert "Embargoed until 1 February 2034" in seen["page says"]
    assert "Released on" not in seen["page says"]
    assert not seen["page links the file"]
    assert seen["index marks it embargoed"]
    assert seen["file"] == 404
    assert seen["api file"] is None
    assert not seen["api lists the file"]


def test_on_the_end_day_everything_is_released(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=END)

    with time_machine.travel(local_noon(END), tick=False):
        seen = what_a_visitor_sees(client, publication)

    assert "Released on 1 February 2034" in seen["page says"]
    assert "Embargoed" not in seen["page says"]
    assert seen["page links the file"]
    assert not seen["index marks it embargoed"]
    assert seen["file"] == 200
    assert seen["api file"]["id"] == publication.document.pk
    assert seen["api lists the file"]


def test_a_link_to_the_file_from_another_page_says_embargoed_until_the_end(
    client, home, publication_index
):
    from core.factories import StandardPageFactory

    publication = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=END)
    document = publication.document
    page = StandardPageFactory(
        parent=home,
        body=[{"type": "document", "value": {"document": document.pk, "link_text": "The report"}}],
    )

    with time_machine.travel(local_noon(END - DAY), tick=False):
        before = client.get(page.url).content.decode()
    with time_machine.travel(local_noon(END), tick=False):
        after = client.get(page.url).content.decode()

    assert f'href="{document.url}"' not in before
    assert re.search(r"The report</span>\s*<span class=\"tag\">Embargoed</span>", before)
    assert f'href="{document.url}"' in after
    assert "Embargoed" not in re.sub(r"<[^>]+>", "", after).split("The report")[1][:40]


def test_a_page_whose_embargo_lifts_tomorrow_is_not_cached_past_midnight(client, publication_index):
    import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from publications.factories import PublicationPageFactory

    # 100 seconds before midnight, London time: the embargo lifts at midnight.
    with time_machine.travel(
        datetime.datetime(2026, 3, 1, 23, 58, 20, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        lifts = datetime.date(2026, 3, 2)
        page = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=lifts)
        later = PublicationPageFactory(
            parent=publication_index, embargoed=True, embargo_end=datetime.date(2026, 4, 1)
        )

        assert "max-age=100" in client.get(page.url)["Cache-Control"]
        assert "max-age=100" in client.get(publication_index.url)["Cache-Control"]
        assert "max-age=300" in client.get(later.url)["Cache-Control"]
