"""Builds the first edition of the site from `core.seed.content`, keeping whatever exists.

Every page is looked up by its slug under its parent: a page that is already there is kept as
editors left it, and only missing pages are created. Each new page is published through a
revision, so a second run adds no pages and no revisions.
"""

import datetime

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page, Site

from contact.seed import seed_contact_page
from core.models import HomePage, MainMenu, MainMenuItem, SiteSettings, StandardPage
from core.seed import content
from core.seed.report import CREATED, KEPT, UPDATED, SeedReport
from focus_areas.models import FocusAreaIndexPage, FocusAreaPage
from interviews.models import InterviewIndexPage, InterviewPage, Person
from programmes.models import Partner, ProgrammeIndexPage, ProgrammePage, ProgrammeStatus
from publications.models import PublicationAuthor, PublicationIndexPage, PublicationPage
from viewpoints.models import ViewpointIndexPage

WELCOME_TITLE = "Welcome to your new Wagtail site!"


@transaction.atomic
def load_seed():
    """Create whatever of the seed content is missing; return a report of what was done."""
    report = SeedReport()
    home, home_created = ensure_home(report)
    why, why_created = ensure_page(report, home, content.WHY["slug"], build_why, publish=False)
    areas = seed_focus_areas(report, home)
    if why_created:
        # Written once the focus areas exist, so the list of areas can link to them.
        why.body = why_body(areas)
        why.save_revision().publish()
    programmes = seed_programmes(report, home, areas)
    interviews = seed_interviews(report, home)
    viewpoints, _ = ensure_page(report, home, content.VIEWPOINT_INDEX["slug"], build_viewpoints)
    publications = seed_publications(report, home, areas)
    contact, created = seed_contact_page(home)
    report.add(created, "page", contact)
    if home_created:
        home.sections = home_sections(
            why, areas, programmes, interviews, viewpoints, publications, contact
        )
        home.save_revision().publish()
    site = ensure_site(report, home, home_created)
    ensure_site_settings(report, site, contact)
    ensure_main_menu(report, site, home)
    return report


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


def children_of(parent, model):
    """A kept parent of another type cannot hold the seed's children: skip them."""
    return isinstance(parent, model)


# ---------------------------------------------------------------------------
# The home page and the Site


def ensure_home(report):
    existing = HomePage.objects.first()
    if existing:
        report.add(False, "page", existing)
        return existing, False
    root = Page.get_first_root_node()
    welcome = untouched_welcome_page(root)
    detached_sites = []
    if welcome:
        # Sites would be deleted with the page they point at: park them on the root meanwhile.
        detached_sites = list(Site.objects.filter(root_page=welcome).values_list("pk", flat=True))
        Site.objects.filter(pk__in=detached_sites).update(root_page=root)
        welcome.delete()
        report.removed.append(WELCOME_TITLE)
    slug = "home" if not root.get_children().filter(slug="home").exists() else "systems-leadership"
    home = HomePage(
        title=content.HOME["title"],
        slug=slug,
        summary=content.HOME["summary"],
        introduction=paragraphs(content.HOME["paragraphs"]),
    )
    # Published with its sections once the pages they point at exist.
    root.add_child(instance=home)
    Site.objects.filter(pk__in=detached_sites).update(root_page=home)
    report.add(True, "page", home)
    return home, True


def untouched_welcome_page(root):
    """Wagtail's default first page, if nobody has edited it, added to it or published it."""
    for page in root.get_children().filter(title=WELCOME_TITLE, slug="home"):
        if (
            page.specific_class is Page
            and page.numchild == 0
            and page.latest_revision_id is None
            and not page.has_unpublished_changes
        ):
            return page
    return None


def ensure_site(report, home, home_created):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.SITE_NAME,
        )
        report.add(CREATED, "site", site)
    elif home_created or site.root_page.is_root():
        # Only a new home page takes over: an editor's choice of root for the Site stands.
        site.root_page = home
        site.site_name = site.site_name or content.SITE_NAME
        site.save()
        report.add(UPDATED, "site", site)
    else:
        report.add(KEPT, "site", site)
    return site


def ensure_site_settings(report, site, contact):
    settings = SiteSettings.for_site(site)
    untouched = not any(
        [
            settings.contact_email,
            settings.contact_phone,
            settings.address,
            settings.contact_page_id,
            settings.footer_text,
        ]
    )
    if untouched:
        # The seed gives no email, telephone or address: only the contact page is known.
        settings.contact_page = contact
        settings.save()
    report.add(UPDATED if untouched else KEPT, "settings", "Site settings")


def ensure_main_menu(report, site, home):
    menu = MainMenu.for_site(site)
    if menu.items.exists():
        report.add(False, "menu", "Main menu")
        return
    children = {page.slug: page for page in home.get_children()}
    for order, (slug, label) in enumerate(content.MAIN_MENU):
        if slug in children:
            MainMenuItem.objects.create(
                menu=menu, page=children[slug], label=label, sort_order=order
            )
    report.add(True, "menu", "Main menu")


def home_sections(why, areas, programmes, interviews, viewpoints, publications, contact):
    """The home page's sections in the seed's order, as StreamField data."""

    def section(block_type, **value):
        return {"type": block_type, "value": value}

    sections = []
    interview_pages = list(InterviewPage.objects.child_of(interviews).order_by("path"))
    if interview_pages:
        sections.append(
            section(
                "featured_pages",
                heading="Learning from leaders",
                introduction="",
                pages=[page.pk for page in interview_pages],
                more_page=interviews.pk,
                more_text="",
            )
        )
    sections.append(
        section(
            "call_to_action",
            heading=why.title,
            text=content.CLARITY_NEEDED,
            page=why.pk,
            url="",
            link_text=why.title,
        )
    )
    if areas:
        sections.append(
            section(
                "featured_pages",
                heading="Our areas of focus",
                introduction="",
                pages=[page.pk for page in areas.values()],
                more_page=None,
                more_text="",
            )
        )
    for index, heading, introduction, count, empty_text in [
        (programmes, "Leadership programmes", content.PROGRAMME_INTRO, 8, ""),
        (
            viewpoints,
            "Systems leadership viewpoints",
            content.VIEWPOINTS_INTRO,
            3,
            content.NO_VIEWPOINTS,
        ),
        (publications, "Publications", "", 3, ""),
    ]:
        sections.append(
            section(
                "latest_pages",
                heading=heading,
                introduction=introduction,
                index=index.pk,
                count=count,
                empty_text=empty_text,
                more_text="",
            )
        )
    sections.append(
        section(
            "call_to_action",
            heading=contact.title,
            text="",
            page=contact.pk,
            url="",
            link_text=contact.title,
        )
    )
    return sections


# ---------------------------------------------------------------------------
# Content pages


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
    data = content.FOCUS_AREA_INDEX
    index, _ = ensure_page(
        report,
        home,
        data["slug"],
        lambda: FocusAreaIndexPage(title=data["title"], summary=data["summary"]),
    )
    if not children_of(index, FocusAreaIndexPage):
        return {}
    areas = {}
    for area in content.FOCUS_AREAS:
        page, _ = ensure_page(
            report,
            index,
            slugify(area["title"]),
            lambda area=area: FocusAreaPage(title=area["title"], summary=area["summary"]),
        )
        if isinstance(page, FocusAreaPage):
            areas[page.slug] = page
    return areas


def seed_programmes(report, home, areas):
    data = content.PROGRAMME_INDEX
    index, _ = ensure_page(
        report,
        home,
        data["slug"],
        lambda: ProgrammeIndexPage(
            title=data["title"],
            summary=data["summary"],
            introduction=paragraphs([data["introduction"]]),
        ),
    )
    if children_of(index, ProgrammeIndexPage):
        for programme in content.PROGRAMMES:
            ensure_page(
                report,
                index,
                slugify(programme["title"]),
                lambda programme=programme: build_programme(report, programme, areas),
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
    data = content.INTERVIEW_INDEX
    index, _ = ensure_page(
        report,
        home,
        data["slug"],
        lambda: InterviewIndexPage(title=data["title"], summary=data["summary"]),
    )
    if children_of(index, InterviewIndexPage):
        for interview in content.INTERVIEWS:
            ensure_page(
                report,
                index,
                slugify(interview["title"]),
                lambda interview=interview: build_interview(report, interview),
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
    data = content.PUBLICATION_INDEX
    index, _ = ensure_page(
        report,
        home,
        data["slug"],
        lambda: PublicationIndexPage(title=data["title"], summary=data["summary"]),
    )
    if children_of(index, PublicationIndexPage):
        for publication in content.PUBLICATIONS:
            ensure_page(
                report,
                index,
                slugify(publication["title"]),
                lambda publication=publication: build_publication(report, publication, areas),
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
