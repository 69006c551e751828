"""The home page in place of Wagtail's welcome page, the default Site, its settings and menu."""

from wagtail.models import Page, Site

from core.models import HomePage, MainMenu, MainMenuItem, SiteSettings
from devdata.seed import content
from devdata.seed.pages import paragraphs
from devdata.seed.report import CREATED, KEPT, UPDATED
from interviews.models import InterviewPage

WELCOME_TITLE = "Welcome to your new Wagtail site!"


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


def ensure_site_settings(report, site, contact, accessibility):
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
    changed = []
    if untouched:
        # The seed gives no email, telephone or address: only the contact page is known.
        settings.contact_page = contact
        changed.append("contact_page")
    # The footer's statements, filled in where empty (also on sites seeded before they existed):
    # an editor's own choice of page is kept.
    footer_pages = {
        "accessibility_page": accessibility,
        "privacy_page": getattr(contact, "privacy_notice", None),
    }
    for field, page in footer_pages.items():
        if page is not None and not getattr(settings, f"{field}_id"):
            setattr(settings, field, page)
            changed.append(field)
    if changed:
        settings.save(update_fields=changed)
    report.add(UPDATED if changed else KEPT, "settings", "Site settings")


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
                "featured_interviews",
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
