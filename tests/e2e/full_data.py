"""A second e2e data set: every page type with every optional field filled, as an editor would.

The seed has no photos, no listing images and few blocks, so layouts that only break with them
(a person page with a photo, a long name at 320 px) went unseen. Built with the apps' factories in
the server's own settings and database: `python -m tests.e2e.full_data`. `PATHS` names its pages.
"""

import datetime
import io
import os
from decimal import Decimal

import django

from tests.e2e.full_blocks import (
    LONG_WORD,
    YOUTUBE_URL,
    every_block,
    home_sections,
    rich_paragraph,
)

PATHS = {
    "home": "/",
    "standard": "/every-block/",
    "focus_area_index": "/focus-areas/",
    "focus_area": "/focus-areas/integration/",
    "programme_index": "/programmes/",
    "programme_by_day": "/programmes/full-dates/",
    "programme_by_year": "/programmes/years-only/",
    "programme_running_on": "/programmes/running-on/",
    "programme_undated": "/programmes/undated/",
    "programme_key_facts": "/programmes/every-key-fact/",
    "programme_index_open": "/programmes/?applications=open",
    "partner_index": "/partners/",
    "partner": "/partners/south-west-integrated-care-partnership-for-health-and-social-care/",
    "interview_index": "/learning-from-leaders/",
    "interview": "/learning-from-leaders/long-transcript/",
    "person_index": "/people/",
    "person": "/people/philippa-wolstenholme-featherstonehaugh/",
    "viewpoint_index": "/viewpoints/",
    "viewpoint": "/viewpoints/every-block/",
    "publication_index": "/publications/",
    "publication_index_filtered": "/publications/?focus_area=integration&kind=report&year=2024",
    "publication_released": "/publications/released/",
    "publication_embargoed": "/publications/embargoed/",
    "contact": "/contact/",
}


def picture(title, size, colour, fmt="JPEG", credit="", description=""):
    """An image in the library drawn with Pillow (nothing downloaded): rings on a plain ground."""
    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw

    from core.factories import ImageFactory

    drawing = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(drawing)
    width, height = size
    for ring in range(1, 6):
        inset = ring * min(size) // 12
        draw.ellipse([inset, inset, width - inset, height - inset], outline=(255, 221, 0), width=8)
    data = io.BytesIO()
    drawing.save(data, fmt)
    extension = "png" if fmt == "PNG" else "jpg"
    return ImageFactory(
        title=title,
        file=ImageFile(data, name=f"{title.lower().replace(' ', '-')}.{extension}"),
        credit=credit,
        description=description or title,
    )


def person(name, honorific="", portrait=True):
    from interviews.factories import PersonFactory

    photo = picture(f"Portrait of {name}", (800, 1000), (40, 70, 90)) if portrait else None
    return PersonFactory(
        name=name,
        honorific=honorific,
        role="Director of Integrated Commissioning and Population Health Improvement",
        organisation="Birmingham and Solihull Integrated Care Board",
        photo=photo,
    )


def build():
    from contact.factories import ContactPageFactory
    from core.factories import DocumentFactory, StandardPageFactory, build_home_site, paragraph
    from core.models import SiteSettings
    from focus_areas.factories import FocusAreaIndexPageFactory, FocusAreaPageFactory
    from interviews.factories import (
        InterviewIndexPageFactory,
        InterviewPageFactory,
        transcript_stream,
    )
    from programmes.applications import ApplicationMode
    from programmes.factories import (
        PartnerFactory,
        ProgrammeIndexPageFactory,
        ProgrammePageFactory,
    )
    from programmes.models import DatePrecision, DeliveryMode, ProgrammeStatus
    from publications.factories import (
        PublicationIndexPageFactory,
        PublicationPageFactory,
        authors,
    )
    from publications.models import PublicationKind
    from viewpoints.factories import ViewpointIndexPageFactory, ViewpointPageFactory

    home = build_home_site()
    image = picture(
        "Partners in a network",
        (1600, 900),
        (13, 59, 76),
        credit="Photograph by the Centre's communications team, 2024",
        description="Rings on a teal ground",
    )
    document = DocumentFactory(title="Evaluation of the integrated care leadership programme")

    focus_index = FocusAreaIndexPageFactory(parent=home, listing_image=image)
    focus = FocusAreaPageFactory(
        parent=focus_index, title="Integration", slug="integration", listing_image=image, body=[]
    )
    focus.body = every_block(image, document, focus)
    focus.save_revision().publish()
    StandardPageFactory(
        parent=home,
        title=f"Why systems leadership? {LONG_WORD} and the leaders it needs",
        slug="every-block",
        listing_image=image,
        body=every_block(image, document, focus),
    )

    leader = person("Philippa Wolstenholme-Featherstonehaugh", "Professor Dame")
    co_author = person("Oluwaseun Adebayo-Richardson", "Dr")
    # Someone named without a photo, as many are.
    plain = person("Sam Lee", portrait=False)

    partners = [
        PartnerFactory(
            name="South West Integrated Care Partnership for Health and Social Care",
            url="https://www.example.org/partnership",
        ),
        PartnerFactory(name="Leadership Academy", url=""),
    ]
    programme_index = ProgrammeIndexPageFactory(parent=home, listing_image=image)
    common = {
        "parent": programme_index,
        "listing_image": image,
        "place": "Birmingham, Solihull and the Black Country",
        "audience": "Senior leaders in health, social care and the voluntary sector",
        "partners": partners,
        "focus_areas": [focus],
    }
    ProgrammePageFactory(
        title=f"{LONG_WORD}: leading care closer to home",
        slug="full-dates",
        start_date=datetime.date(2024, 9, 16),
        end_date=datetime.date(2025, 7, 4),
        date_precision=DatePrecision.DAY,
        body=every_block(image, document, focus),
        **common,
    )
    ProgrammePageFactory(
        title="Leading integrated care systems",
        slug="years-only",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2021, 1, 1),
        date_precision=DatePrecision.YEAR,
        **common,
    )
    ProgrammePageFactory(
        title="Population health leadership",
        slug="running-on",
        start_date=datetime.date(2023, 3, 1),
        end_date=None,
        date_precision=DatePrecision.DAY,
        **common,
    )
    ProgrammePageFactory(
        title="Leading with communities",
        slug="undated",
        start_date=None,
        end_date=None,
        status=ProgrammeStatus.IN_DEVELOPMENT,
        **common,
    )
    today = datetime.date.today()
    ProgrammePageFactory(
        title="Leading across organisations: the next cohort",
        slug="every-key-fact",
        start_date=today + datetime.timedelta(days=120),
        end_date=today + datetime.timedelta(days=400),
        date_precision=DatePrecision.DAY,
        delivery_mode=DeliveryMode.BLENDED,
        format="Six workshop days in Birmingham, with action learning sets online in between",
        duration="Nine months, about two days a month",
        cost=Decimal("1250"),
        cost_note="Employers usually pay; the fee covers every session and the materials",
        funding=f"Bursaries for people working in social care and {LONG_WORD.lower()} projects",
        leads_to="A postgraduate certificate in systems leadership (60 credits)",
        application_mode=ApplicationMode.DATES,
        applications_open=today - datetime.timedelta(days=10),
        applications_close=today + datetime.timedelta(days=30),
        how_to_apply="Send a CV and a one-page statement about a change you led with others",
        how_to_apply_url="https://www.example.org/apply/systems-leadership-programme",
        contact_name="The programme team at the Centre for Health and Social Care Leadership",
        contact_email="systems-leadership-programmes@example.ac.uk",
        **common,
    )

    interview_index = InterviewIndexPageFactory(parent=home, listing_image=image)
    InterviewPageFactory(
        parent=interview_index,
        slug="long-transcript",
        question="How do leaders hold a shared purpose when every partner answers to someone else?",
        leader=leader,
        listing_image=image,
        video_url=YOUTUBE_URL,
        video_description="A chief executive on leading with councils, schools and charities",
        transcript=transcript_stream(40, speaker=leader.name, sentences=6),
        focus_areas=[focus],
    )

    viewpoint_index = ViewpointIndexPageFactory(parent=home, listing_image=image)
    ViewpointPageFactory(
        parent=viewpoint_index,
        title=f"Leading beyond organisational boundaries: {LONG_WORD.lower()} in practice",
        slug="every-block",
        author=leader,
        listing_image=image,
        date=datetime.date(2024, 3, 14),
        body=every_block(image, document, focus),
        focus_areas=[focus],
        tags=["integration", "primary care", "place-based leadership"],
    )
    ViewpointPageFactory(parent=viewpoint_index, author=None, listing_image=image)

    publication_index = PublicationIndexPageFactory(parent=home, listing_image=image)
    released = {
        "parent": publication_index,
        "listing_image": image,
        "kind": PublicationKind.REPORT,
        "year": 2024,
        "doi": "10.1000/xyz123",
        "external_url": "https://www.example.org/journal/article/123",
        "body": every_block(image, document, focus),
        "focus_areas": [focus],
    }
    PublicationPageFactory(
        title=f"{LONG_WORD} of care: an evaluation across three integrated care systems",
        slug="released",
        embargoed=True,
        embargo_end=datetime.date(2020, 1, 1),
        authors=authors(leader, co_author, plain),
        **released,
    )
    PublicationPageFactory(
        title="The next evaluation, under embargo until it is published",
        slug="embargoed",
        embargoed=True,
        embargo_end=datetime.date.today() + datetime.timedelta(days=365),
        authors=authors(co_author),
        **{**released, "body": [rich_paragraph(document, focus)]},
    )

    contact = ContactPageFactory(parent=home, introduction=f"<p>{paragraph(3)}</p>")
    settings = SiteSettings.for_site(home.get_site())
    settings.contact_page = contact
    settings.contact_email = "centre@example.ac.uk"
    settings.contact_phone = "+44 121 414 3344"
    settings.address = "Centre for Health and Social Care Leadership\nEdgbaston\nBirmingham B15 2TT"
    settings.footer_text = paragraph(2)
    settings.share_image = image
    settings.save()
    home.listing_image = image
    home.sections = home_sections(home, image, focus, viewpoint_index)
    home.save_revision().publish()


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.e2e")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    # No search index update: these pages are opened by address, and it would double the set-up.
    build()


if __name__ == "__main__":
    main()
