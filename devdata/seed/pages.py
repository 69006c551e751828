"""The seed's content pages, each created under its parent only if no page has its slug there.

A page that is already there is kept as editors left it: nothing is overwritten. Each new page
is published through one revision, so a second run adds no pages and no revisions.
"""

import datetime

from django.utils.html import escape
from django.utils.text import slugify

from core.models import StandardPage
from devdata.seed import content
from focus_areas.models import FocusAreaIndexPage, FocusAreaPage
from interviews.models import InterviewIndexPage, InterviewPage
from people.models import Partner, Person
from programmes.models import ProgrammeIndexPage, ProgrammePage, ProgrammeStatus
from publications.models import PublicationAuthor, PublicationIndexPage, PublicationPage
from viewpoints.models import ViewpointIndexPage


def ensure_page(report, parent, slug, build, publish=True):
    """The page at `slug` under `parent`: kept if it exists, else built, added and published.

    `build` runs only when the page is missing, so the snippets it needs are not recreated
    for pages that editors kept (or deleted them from).
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        existing = existing.specific
        report.add(False, "page", existing)
        return existing, False
    page = build()
    page.slug = slug
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    report.add(True, "page", page)
    return page, True


def can_hold_children(parent, model):
    """A kept parent of another type cannot hold the seed's children: skip them."""
    return isinstance(parent, model)


def seed_section(report, home, data, index_model, items, build_item, **index_fields):
    """An index page under `home` and a child per item, each made only if missing.

    Returns the index and the child pages that exist after this step (kept or created).
    """
    index, _ = ensure_page(
        report,
        home,
        data["slug"],
        lambda: index_model(title=data["title"], summary=data["summary"], **index_fields),
    )
    if not can_hold_children(index, index_model):
        return index, []
    children = [
        ensure_page(report, index, slugify(item["title"]), lambda item=item: build_item(item))[0]
        for item in items
    ]
    return index, children


def paragraphs(texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def build_why():
    return StandardPage(
        title=content.WHY["title"], summary=content.WHY["summary"], body=why_body({})
    )


def why_body(areas):
    """The seed's paragraphs, then the three areas of focus as an ordered list linking to each."""
    items = []
    for area in content.FOCUS_AREAS:
        page = areas.get(slugify(area["title"]))
        name = escape(area["title"])
        if page:
            name = f'<a linktype="page" id="{page.pk}">{name}</a>'
        items.append(f"<li>{name}: {escape(area['summary'])}</li>")
    focus = f"<p>{escape(content.WHY['focus_lead'])}</p><ol>{''.join(items)}</ol>"
    return [
        {"type": "paragraph", "value": paragraphs(content.WHY["paragraphs"])},
        {"type": "paragraph", "value": focus},
    ]


def seed_focus_areas(report, home):
    """{slug: FocusAreaPage} for the seed's areas that exist after this step."""
    _, pages = seed_section(
        report,
        home,
        content.FOCUS_AREA_INDEX,
        FocusAreaIndexPage,
        content.FOCUS_AREAS,
        lambda area: FocusAreaPage(title=area["title"], summary=area["summary"]),
    )
    return {page.slug: page for page in pages if isinstance(page, FocusAreaPage)}


def seed_programmes(report, home, areas):
    index, _ = seed_section(
        report,
        home,
        content.PROGRAMME_INDEX,
        ProgrammeIndexPage,
        content.PROGRAMMES,
        lambda programme: build_programme(report, programme, areas),
        introduction=paragraphs([content.PROGRAMME_INDEX["introduction"]]),
    )
    return index


def build_programme(report, data, areas):
    start, end = data.get("years", (None, None))
    page = ProgrammePage(
        title=data["title"],
        summary=data["summary"],
        place=data.get("place", ""),
        audience=data.get("audience", ""),
        start_date=datetime.date(start, 1, 1) if start else None,
        end_date=datetime.date(end, 12, 31) if end else None,
        date_precision="year",
    )
    # Undated programmes keep 'in development'; dated ones record what their dates say today.
    page.status = page.get_status() if start else ProgrammeStatus.IN_DEVELOPMENT
    page.partners.set([ensure_partner(report, name) for name in data.get("partners", [])])
    page.focus_areas.set([areas[slug] for slug in data.get("focus_areas", []) if slug in areas])
    return page


def ensure_partner(report, name):
    partner, created = Partner.objects.get_or_create(name=name)
    report.add(created, "partner", partner)
    return partner


def ensure_person(report, name, **details):
    # Names are not unique among people, so take the first rather than fail on a namesake.
    person = Person.objects.filter(name=name).order_by("pk").first()
    created = person is None
    if created:
        person = Person.objects.create(name=name, **details)
    report.add(created, "person", person)
    return person


def seed_interviews(report, home):
    index, _ = seed_section(
        report,
        home,
        content.INTERVIEW_INDEX,
        InterviewIndexPage,
        content.INTERVIEWS,
        lambda interview: build_interview(report, interview),
    )
    return index


def build_interview(report, data):
    leader = dict(data["leader"])
    return InterviewPage(
        title=data["title"],
        question=data["title"],
        leader=ensure_person(report, leader.pop("name"), **leader),
        summary=data["summary"],
        video_description=data["video_description"],
    )


def build_viewpoints():
    data = content.VIEWPOINT_INDEX
    return ViewpointIndexPage(
        title=data["title"],
        summary=data["summary"],
        introduction=paragraphs([data["introduction"]]),
    )


def seed_publications(report, home, areas):
    index, _ = seed_section(
        report,
        home,
        content.PUBLICATION_INDEX,
        PublicationIndexPage,
        content.PUBLICATIONS,
        lambda publication: build_publication(report, publication, areas),
    )
    return index


def build_publication(report, data, areas):
    page = PublicationPage(
        title=data["title"],
        summary=data["summary"],
        kind=data["kind"],
        year=data.get("year"),
        embargoed=data.get("embargoed", False),
    )
    page.authors.set(
        [
            PublicationAuthor(person=ensure_person(report, name), sort_order=order)
            for order, name in enumerate(data.get("authors", []))
        ]
    )
    page.focus_areas.set([areas[slug] for slug in data.get("focus_areas", []) if slug in areas])
    return page
