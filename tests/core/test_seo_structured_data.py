"""JSON-LD: each page type describes itself with the right schema.org type, and its breadcrumbs."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from contact.factories import ContactPageFactory
from core.factories import ImageFactory, StandardPageFactory
from core.models import SiteSettings
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationKind
from tests.core.html import SITE_ROOT, ld_json, of_type
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def objects_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return ld_json(response)


def test_every_page_type_has_breadcrumbs_from_home_to_itself(
    client, public_site, home, focus_area_index, public_pages
):
    area = next(page for page in public_pages if page.slug == "evaluation")
    pages = [*public_pages, ContactPageFactory(parent=home)]
    for page in pages:
        trail = of_type(objects_of(client, page), "BreadcrumbList")["itemListElement"]

        assert [item["position"] for item in trail] == list(range(1, len(trail) + 1)), page.url
        assert trail[0] == {
            "@type": "ListItem",
            "position": 1,
            "name": "Home",
            "item": f"{SITE_ROOT}/",
        }
        assert trail[-1]["item"] == SITE_ROOT + page.url
        assert len(trail) == page.depth - 1, page.url

    evaluation = of_type(objects_of(client, area), "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in evaluation] == ["Home", focus_area_index.title, "Evaluation"]


def test_home_page_is_the_organisation_with_its_contact_details(client, public_site, home):
    settings = SiteSettings.for_site(public_site)
    settings.contact_email = "leadership@example.ac.uk"
    settings.contact_phone = "0121 000 0000"
    settings.address = "Centre for Health and Social Care Leadership\nBirmingham"
    settings.save()

    organisation = of_type(objects_of(client, home), "Organization")

    assert organisation["@context"] == "https://schema.org"
    assert organisation["name"] == "Systems Leadership"
    assert organisation["url"] == f"{SITE_ROOT}/"
    assert organisation["email"] == "leadership@example.ac.uk"
    assert organisation["telephone"] == "0121 000 0000"
    assert organisation["address"] == "Centre for Health and Social Care Leadership Birmingham"
    assert organisation["description"] == home.summary.strip()


def test_programme_is_a_course_with_its_dates_place_audience_and_partners(
    client, public_site, programme_index
):
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Leading Differently",
        place="Cornwall",
        audience="Senior leaders in health and social care",
        start_date=datetime.date(2018, 9, 1),
        end_date=datetime.date(2019, 7, 31),
        partners=[PartnerFactory(name="Cornwall Council", url="https://www.cornwall.gov.uk/")],
    )

    course = of_type(objects_of(client, programme), "Course")

    assert course["name"] == "Leading Differently"
    assert course["url"] == SITE_ROOT + programme.url
    assert course["description"] == " ".join(programme.summary.split())
    assert course["provider"] == {
        "@type": "Organization",
        "name": "Systems Leadership",
        "url": f"{SITE_ROOT}/",
    }
    assert course["hasCourseInstance"] == {
        "@type": "CourseInstance",
        "location": "Cornwall",
        "startDate": "2018-09-01",
        "endDate": "2019-07-31",
    }
    assert course["audience"]["audienceType"] == "Senior leaders in health and social care"
    assert course["contributor"] == [
        {"@type": "Organization", "name": "Cornwall Council", "url": "https://www.cornwall.gov.uk/"}
    ]


def test_undated_programme_claims_no_dates(client, public_site, programme_index):
    programme = ProgrammePageFactory(parent=programme_index, start_date=None, place="")

    course = of_type(objects_of(client, programme), "Course")

    assert "hasCourseInstance" not in course


def test_viewpoint_is_an_article_by_its_author_or_by_the_centre(
    client, public_site, viewpoint_index
):
    author = PersonFactory(name="Jon Glasby", honorific="Professor", role="Head of School")
    by_person = ViewpointPageFactory(
        parent=viewpoint_index, author=author, date=datetime.date(2024, 3, 5), tags=["integration"]
    )
    by_centre = ViewpointPageFactory(parent=viewpoint_index, author=None)

    article = of_type(objects_of(client, by_person), "Article")
    centre_article = of_type(objects_of(client, by_centre), "Article")

    assert article["headline"] == by_person.title
    assert article["datePublished"] == "2024-03-05"
    assert article["author"] == {
        "@type": "Person",
        "name": "Professor Jon Glasby",
        "url": f"{SITE_ROOT}/people/{author.slug}/",
        "jobTitle": "Head of School",
        "affiliation": {"@type": "Organization", "name": author.organisation},
    }
    assert article["publisher"]["name"] == "Systems Leadership"
    assert article["keywords"] == ["integration"]
    assert centre_article["author"]["@type"] == "Organization"


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (PublicationKind.REPORT, "Report"),
        (PublicationKind.EVALUATION, "Report"),
        (PublicationKind.ARTICLE, "ScholarlyArticle"),
    ],
)
def test_publication_is_a_report_or_a_scholarly_article(
    client, public_site, publication_index, kind, schema_type
):
    people = [
        PersonFactory(name="Karen Newbigging", honorific=""),
        PersonFactory(name="Bob Weir", honorific=""),
    ]
    publication = PublicationPageFactory(
        parent=publication_index, kind=kind, year=2017, authors=authors(*people), doi="10.1000/xyz1"
    )

    data = of_type(objects_of(client, publication), schema_type)

    assert data["name"] == publication.title
    assert [author["name"] for author in data["author"]] == ["Karen Newbigging", "Bob Weir"]
    assert data["datePublished"] == "2017"
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.1000/xyz1",
    }
    assert data["sameAs"] == ["https://doi.org/10.1000/xyz1"]
    assert data["encoding"]["contentUrl"] == SITE_ROOT + publication.document.url


def test_embargoed_publication_never_gives_its_document_address(
    client, public_site, publication_index
):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)

    response = client.get(publication.url)
    report = of_type(ld_json(response), "Report")

    assert "encoding" not in report
    assert report["isAccessibleForFree"] is False
    assert publication.document.url not in response.content.decode()


def uploaded(name, data):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(data), save=True)
    return document


def test_interview_with_a_hosted_video_is_a_video_object(client, public_site, interview_index):
    interview = InterviewPageFactory(
        parent=interview_index,
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        video_description="Jon Glasby on working across systems.",
        transcript=[
            {"type": "paragraph", "value": {"start": "0:05", "speaker": "Jon", "text": "Hello."}},
            {"type": "paragraph", "value": {"start": "", "speaker": "", "text": "We share."}},
        ],
    )

    video = of_type(objects_of(client, interview), "VideoObject")

    assert video["name"] == interview.title
    assert video["description"] == "Jon Glasby on working across systems."
    published = datetime.datetime.fromisoformat(video["uploadDate"])
    assert published == interview.first_published_at.replace(microsecond=0)
    assert video["transcript"] == "Jon: Hello.\n\nWe share."
    assert video["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert "contentUrl" not in video
    assert video["thumbnailUrl"] == [f"{SITE_ROOT}/static/img/share-default.png"]
    assert video["actor"]["name"] == interview.leader.full_name


def test_interview_with_an_uploaded_video_gives_its_file_and_picture(
    client, public_site, interview_index
):
    image = ImageFactory(file__width=1280, file__height=720)
    video_file = uploaded("interview.mp4", b"\x00\x00\x00\x18ftypmp42")
    interview = InterviewPageFactory(
        parent=interview_index, video_url="", video_file=video_file, listing_image=image
    )

    video = of_type(objects_of(client, interview), "VideoObject")

    assert video["contentUrl"] == SITE_ROOT + video_file.url
    assert "embedUrl" not in video
    assert video["thumbnailUrl"][0].startswith(f"{SITE_ROOT}/media/images/")


def test_interview_without_a_video_claims_none(client, public_site, interview_index):
    interview = InterviewPageFactory(parent=interview_index, video_url="")

    types = [obj["@type"] for obj in objects_of(client, interview)]

    assert types == ["BreadcrumbList"]


def test_text_that_looks_like_markup_cannot_end_the_data_block(client, public_site, home):
    title = 'Leaders </script><script>alert("x")</script> & <b>partners</b>'
    page = StandardPageFactory(parent=home, title=title)

    response = client.get(page.url)
    html = response.content.decode()

    assert "</script><script>alert" not in html
    assert "\\u003C/script\\u003E" in html and "\\u0026" in html
    trail = of_type(ld_json(response), "BreadcrumbList")["itemListElement"]
    assert trail[-1]["name"] == title


def test_breadcrumbs_leave_out_an_ancestor_that_is_not_live_as_the_visible_trail_does(
    client, public_site, home
):
    draft = StandardPageFactory(parent=home, slug="draft-section", live=False)
    page = StandardPageFactory(parent=draft, slug="live-page")

    response = client.get("/draft-section/live-page/")

    trail = of_type(ld_json(response), "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in trail] == ["Home", page.title]
    assert [item["position"] for item in trail] == [1, 2]
