"""The pages API: live, public pages only, with each page type's own fields."""

import datetime
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from core.factories import DocumentFactory, ImageFactory, StandardPageFactory
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory, authors
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def detail(page):
    return f"{PAGES}{page.pk}/"


def test_lists_live_public_pages_only(listed, home, django_user_model, client):
    shown = StandardPageFactory(parent=home)
    draft = StandardPageFactory(parent=home, live=False)
    private = StandardPageFactory(parent=home)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    under_private = StandardPageFactory(parent=private)

    ids = listed(PAGES)
    assert shown.pk in ids and home.pk in ids
    assert not ids & {draft.pk, private.pk, under_private.pk}

    # Signing in does not open restricted pages through the API: it answers as a visitor.
    client.force_login(django_user_model.objects.create_user(username="member", password="x"))
    assert not listed(PAGES) & {draft.pk, private.pk, under_private.pk}


@pytest.mark.parametrize("state", ["draft", "private", "expired"])
def test_a_hidden_page_has_no_detail(api, home, state):
    page = StandardPageFactory(parent=home, live=state != "draft")
    if state == "private":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="Editors"))
    if state == "expired":
        page.unpublish(set_expired=True)

    status, data = api(detail(page))

    assert status == 404
    assert data == {"message": "No Page matches the given query."}


def test_find_by_address(client, home):
    page = StandardPageFactory(parent=home, slug="why-systems-leadership")

    response = client.get(PAGES + "find/", {"html_path": "/why-systems-leadership/"})

    assert response.status_code == 302
    assert urlparse(response["Location"]).path == detail(page)


def test_a_publication_under_embargo_gives_no_file(api, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=datetime.date(2099, 1, 1)
    )

    status, data = api(detail(page))

    assert status == 200
    assert data["document"] is None
    assert (data["embargoed"], data["embargo_end"], data["embargo_active"]) == (
        True,
        "2099-01-01",
        True,
    )
    assert data["released_on"] is None
    assert f"/documents/{page.document.pk}/" not in str(data)


def test_a_released_publication_gives_its_file_and_authors(client, api, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        kind="evaluation",
        year=2017,
        doi="10.1000/xyz123",
        authors=authors(
            PersonFactory(honorific="", name="K. Newbigging"), PersonFactory(name="B. Weir")
        ),
        embargoed=True,
        embargo_end=datetime.date(2020, 3, 1),
    )

    status, data = api(detail(page))

    assert status == 200
    assert (data["kind"], data["year"], data["doi"]) == ("evaluation", 2017, "10.1000/xyz123")
    assert [author["name"] for author in data["authors"]][0] == "K. Newbigging"
    assert data["released_on"] == "2020-03-01" and data["embargo_active"] is False
    document = data["document"]
    assert document["id"] == page.document.pk
    assert urlparse(document["download_url"]).path == page.document.url
    assert client.get(page.document.url).status_code == 200


def test_interview_fields(api, interview_index, focus_areas):
    video = DocumentFactory(file__filename="talk.mp4")
    page = InterviewPageFactory(
        parent=interview_index,
        leader=PersonFactory(honorific="Professor", name="Jon Glasby", role="Head of School"),
        question="What does leadership look like?",
        video_url="",
        video_file=video,
        transcript=[{"type": "paragraph", "value": {"start": "0:05", "speaker": "", "text": "Hi"}}],
        focus_areas=focus_areas[:1],
    )

    data = api(detail(page))[1]

    assert data["question"] == "What does leadership look like?"
    assert data["leader"]["name"] == "Professor Jon Glasby"
    assert data["leader"]["role"] == "Head of School"
    assert data["video_file"]["id"] == video.pk
    assert data["video_file"]["meta"]["download_url"].endswith(video.url)
    assert data["transcript"][0]["value"]["text"] == "Hi"
    assert [area["title"] for area in data["focus_areas"]] == ["Evaluation"]


def test_viewpoint_by_the_centre(api, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None, date=datetime.date(2024, 1, 2))

    data = api(detail(page))[1]

    assert data["author"] is None
    assert data["author_name"] == "Centre for Health and Social Care Leadership"
    assert data["date"] == "2024-01-02"
    assert data["body"][0]["type"] == "heading"


def test_programme_status_is_worked_out_from_its_dates(api, programme_index):
    page = ProgrammePageFactory(
        parent=programme_index,
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2017, 12, 31),
        status="in_development",
        partners=[PartnerFactory(name="HEE")],
    )

    data = api(detail(page))[1]

    assert (data["current_status"], data["status_label"]) == ("delivered", "Delivered")
    assert data["period"] == "2016–2017"
    assert [partner["name"] for partner in data["partners"]] == ["HEE"]


def test_an_unpublished_focus_area_is_left_out_of_links(api, interview_index, focus_areas):
    focus_areas[1].unpublish()
    page = InterviewPageFactory(parent=interview_index, focus_areas=focus_areas[:2])

    data = api(detail(page))[1]

    assert [area["title"] for area in data["focus_areas"]] == ["Evaluation"]


def test_listing_image_and_card_rendition(api, home):
    page = StandardPageFactory(parent=home, listing_image=ImageFactory())

    data = api(detail(page))[1]

    assert data["listing_image"]["id"] == page.listing_image_id
    card = data["listing_image_card"]
    # 16:9, no wider than 960 pixels (a small original is not enlarged).
    assert card["width"] <= 960 and card["width"] * 9 == card["height"] * 16
    assert card["url"].startswith("/media/images/")


def test_filter_and_search_by_type(listed, publication_index):
    report = PublicationPageFactory(parent=publication_index, kind="report", title="Quagga report")
    PublicationPageFactory(parent=publication_index, kind="evaluation")

    ids = listed(PAGES, type="publications.PublicationPage", kind="report")
    assert ids == {report.pk}
    assert listed(PAGES, search="Quagga") == {report.pk}


# Pinned: a listing with every field must not make a query per page.
def test_listing_every_field_does_not_grow_per_page(client, interview_index, focus_areas):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        params = {"type": "interviews.InterviewPage", "fields": "*"}
        client.get(PAGES, params)  # renditions and caches made once, outside the count
        with CaptureQueriesContext(connection) as queries:
            response = client.get(PAGES, params)
        assert response.status_code == 200
        return len(queries.captured_queries)

    for _ in range(2):
        InterviewPageFactory(parent=interview_index, focus_areas=focus_areas[:2])
    few = count()
    for _ in range(6):
        InterviewPageFactory(parent=interview_index, focus_areas=focus_areas[:2])
    assert count() == few


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "abc"},
        {"limit": "1000"},
        {"offset": "-1"},
        {"type": "nope.Nope"},
        {"type": "notapagetype"},
        {"fields": "nope"},
        {"fields": "title,,"},
        {"fields": "leader(name)", "type": "interviews.InterviewPage"},
        {"order": "nope"},
        {"child_of": "abc"},
        {"descendant_of": "abc"},
        {"unknown": "1"},
        {"rich_text_format": "nope"},
    ],
)
def test_bad_parameters_are_refused_with_a_message(api, home, params):
    status, data = api(PAGES, **params)

    assert status == 400
    assert data["message"]


@pytest.mark.parametrize("path", [PAGES + "999999/", PAGES + "abc/", "/api/v2/nothing/"])
def test_unknown_addresses_are_404(client, home, path):
    assert client.get(path).status_code == 404


def test_a_child_of_a_missing_page_is_refused(api, home):
    status, data = api(PAGES, child_of="999999")

    assert status == 400
    assert data["message"] == "parent page doesn't exist"


def test_an_unknown_site_is_a_404_with_a_message(api, home):
    status, data = api(PAGES, site="no-such-site.example")

    assert status == 404
    assert data["message"]


def test_it_is_read_only(client, home):
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(detail(home)).status_code == 405
        assert method(PAGES).status_code == 405


def test_answers_are_json_even_to_a_browser(client, home):
    response = client.get(PAGES, headers={"Accept": "text/html,application/xhtml+xml,*/*"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert client.get(PAGES, {"format": "api"}).status_code == 404
