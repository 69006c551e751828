"""`manage.py load_seed_content`: every fact of the seed page is on the site, and only once."""

import datetime
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
)

import devdata.seed
from contact.models import ContactPage
from core.models import HomePage, MainMenu, SiteSettings, StandardPage
from interviews.models import InterviewPage
from people.models import Partner, Person
from programmes.models import ProgrammePage
from publications.models import PublicationPage

SEED_TEXT = (Path(devdata.seed.__file__).parent / "systems-leadership-page.txt").read_text()


def normalise(text):
    return " ".join(text.split())


def seed_line(opening):
    """The one line of the seed page that opens with these words, without its list marker."""
    lines = [re.sub(r"^(\d+\.|•)\s*", "", normalise(line)) for line in SEED_TEXT.splitlines()]
    found = [line for line in lines if line.startswith(opening)]
    assert len(found) == 1, f"{opening!r} opens {len(found)} lines of the seed page"
    return found[0]


H, WHY, FA, PR = "/", "/why-systems-leadership/", "/focus-areas/", "/programmes/"
LFL, VP, PUB, CONTACT = "/learning-from-leaders/", "/viewpoints/", "/publications/", "/contact/"
SEARCH = "/search/?q=qzxwvkj"
EVAL, DEV, RES = FA + "evaluation/", FA + "development/", FA + "research/"
P21 = PR + "the-21st-century-public-servant-leadership-programme/"
PLD = PR + "leading-dfferently/"
PPHM = PR + "phm-support-to-core-leadership-teams/"
PCPH = PR + "systems-leadership-modules-for-the-copenhagen-healthcare-region/"
PITP = PR + "integrated-teams-pilot-programme/"
PMC = PR + "systems-leadership-masterclass-series/"
PDEV = PR + "systems-leadership-development-programme/"
PEVAL = PR + "evaluation-of-the-21c-adph-programme/"
IGL = LFL + "what-does-leadership-look-like-in-a-health-and-social-care-setting/"
IMARSH = LFL + "what-does-leadership-look-like-in-a-primary-care-setting/"
PREP = PUB + "report-on-the-development-of-systems-leadership-for-the-nhs-la/"
PBRI = PUB + "evaluation-of-the-bristol-mental-health-systems-leadership-model/"
EVERY_PAGE = [H, WHY, FA, EVAL, DEV, RES, PR, P21, PLD, PPHM, PCPH, PITP, PMC, PDEV, PEVAL]
EVERY_PAGE += [LFL, IGL, IMARSH, VP, PUB, PREP, PBRI, CONTACT]
# Pages that contact/seed.py adds with the contact page: the privacy notice its form links to.
CONTACT_SEED_PAGES = ["/privacy/"]
# The site's own statement about itself, which the seed page does not give.
ACCESSIBILITY = "/accessibility/"
SITE_PAGES = [ACCESSIBILITY]
PAGE_COUNT = len(EVERY_PAGE + CONTACT_SEED_PAGES + SITE_PAGES)

Q1 = "What does leadership look like in a health and social care setting?"
Q2 = "What does leadership look like in a primary care setting?"
CLARITY = seed_line("The Long-Term Plan is built")
AREAS = {name: seed_line(f"{name}:").removeprefix(f"{name}: ") for name in
         ("Evaluation", "Development", "Research")}  # fmt: skip
# (page, title, the seed's line as written)
PROGRAMMES = [
    (P21, "The 21st Century Public Servant Leadership programme", seed_line("The 21st Century")),
    (PLD, "Leading D!fferently", seed_line("Leading D!fferently")),
    (PPHM, "PHM support to core leadership teams", seed_line("PHM support")),
    (PCPH, "Systems Leadership modules for the Copenhagen healthcare region",
     seed_line("Systems Leadership modules")),
    (PITP, "Integrated Teams Pilot Programme", seed_line("Integrated Teams")),
    (PMC, "Systems Leadership Masterclass series", seed_line("Systems Leadership Masterclass")),
    (PDEV, "Systems Leadership development programme", seed_line("Systems Leadership development")),
    (PEVAL, "Evaluation of the 21C ADPH programme", seed_line("Evaluation of the 21C")),
]  # fmt: skip
REPORT = "Report on the development of systems leadership for the NHS LA"
BRISTOL = "Evaluation of the Bristol Mental Health Systems Leadership model"

# The seed page's own words, each on the page where it belongs.
# fmt: off
SEED_FACTS = {
    H: [
        "Systems Leadership", "Systems Leadership is a practice, not a product.",
        "We define it as “the collaborative leadership of many people at different places in a "
        "system, in order to achieve a shared purpose.”",
        "We recognise that, in comparison with traditional ways of understanding leadership, "
        "systems leadership “…involves shifts in mind-set, behaviour and leadership practice” "
        "for health and social care leaders.",
        "This is because leaders are applying the principles of systems thinking to the kinds of "
        "intractable, wicked issues they face in increasingly complex health and care systems.",
        "Learning from leaders", Q1, Q2, "Why systems leadership?", CLARITY, *AREAS,
        seed_line("Leadership Programmes are"), *(title for _, title, _ in PROGRAMMES),
        "Systems leadership viewpoints", "Discussion relating to system leadership",
        REPORT, BRISTOL, "Contact us",
    ],
    WHY: [
        "Why systems leadership?", seed_line("As a collaborative partnership"),
        # The long paragraph, sentence by sentence: the framework, the plan, ICSs, the 44 STPs.
        "Systems leadership is not a new concept in health and social care but it has become "
        "increasingly important since the publication of the Developing People-Improving Care "
        "Framework in 2018 which aimed, inter alia, to equip leaders to develop high quality local "
        "health and care systems in partnership, collaborating across organisational, "
        "professional and geographical boundaries to build relationships and achieve shared "
        "system goals.",
        "Discussion around the development of systems leadership has also acquired momentum in "
        "recent months because of the NHS Long-Term Plan and its emphasis on Integrated Care "
        "Systems (ICSs), whose precursors were the 44 Sustainability and Transformation "
        "Partnerships formed by collaboration between local councils and NHS organisations.",
        "ICSs will “…take collective responsibility for managing resources, delivering NHS "
        "standards, and improving the health of the population they serve”.",
        "ICSs will thereby, according to the guidance, enable better local delivery of joined-up "
        "services, improve working lives for staff who must collaborate across organisational and "
        "professional boundaries, and facilitate the sharing of data on which new models of care "
        "will be based.",
        CLARITY, seed_line("In this context"),
        *(f"{name}: {text}" for name, text in AREAS.items()),
    ],
    FA: [*AREAS, *AREAS.values()],
    EVAL: ["Evaluation", AREAS["Evaluation"], "Evaluation of the 21C ADPH programme", BRISTOL],
    DEV: ["Development", AREAS["Development"], "Leading D!fferently",
          "Systems Leadership development programme"],
    RES: ["Research", AREAS["Research"]],
    PR: [seed_line("Leadership Programmes are"), *(line for _, _, line in PROGRAMMES),
         "In development"],
    P21: ["Aspiring Directors of Public Health"],
    PLD: ["Cornwall County Council", "Cornwall"],
    PPHM: ["core leadership teams in 7 Midlands STPs", "Midlands"],
    PCPH: ["Copenhagen"],
    PITP: ["HEE", "West Midlands"],
    PMC: ["HEE", "West Midlands"],
    PDEV: ["senior public sector leaders", "In development"],
    PEVAL: ["In development"],
    LFL: ["Learning from leaders", Q1, Q2, "Jon Glasby", "Sarah-Jane Marsh"],
    IGL: [Q1, "Professor Jon Glasby", "Head of School of Social Policy",
          "University of Birmingham", seed_line("Professor Jon Glasby"),
          seed_line("Prof Jon Glasby")],
    IMARSH: [Q2, "Sarah-Jane Marsh", "Chief Executive",
             "Birmingham Children's Hospital NHS Foundation Trust",
             seed_line("Sarah-Jane Marsh, Chief"), seed_line("Sarah-Jane Marsh discusses")],
    VP: ["Systems leadership viewpoints", "Discussion relating to system leadership"],
    PUB: [f"{REPORT} (embargoed)", f"{BRISTOL} (K. Newbigging & B. Weir, 2017)"],
    PREP: [REPORT, f"{REPORT} (embargoed)"],
    PBRI: [BRISTOL, f"{BRISTOL} (K. Newbigging & B. Weir, 2017)", "K. Newbigging", "B. Weir",
           "2017"],
    CONTACT: ["Contact us"],
    SEARCH: ["There are no results that match your search"],
}
for _path, _title, _line in PROGRAMMES:
    SEED_FACTS[_path] = [_title, _line, *SEED_FACTS[_path]]

# What the site says about the seed's content in its own words: honest where the seed is silent.
SHOWN_FACTS = {
    H: ["Our areas of focus", "Leadership programmes", "Publications",
        "No viewpoints have been published yet."],
    FA: ["Focus areas"],
    PR: ["Leadership programmes", "Delivered", "Current"],
    P21: ["2017–2020", "Delivered"],
    PLD: ["2018–2019", "Delivered", "Development"],
    PPHM: ["The Strategy Unit", "2019 onwards", "Current"],
    PCPH: ["2018–2019", "Delivered"],
    PITP: ["2016–2017", "Delivered"],
    PMC: ["2016–2017", "Delivered"],
    PDEV: ["Development"],
    IGL: ["Video coming soon", "Transcript coming soon"],
    IMARSH: ["Video coming soon", "Transcript coming soon"],
    VP: ["No viewpoints have been published yet."],
    PUB: ["Publications", "Embargoed"],
    PREP: ["Embargoed", "Report"],
    PBRI: ["Evaluation"],
}
MENU = ["Why systems leadership?", "Focus areas", "Programmes", "Learning from leaders",
        "Viewpoints", "Publications", "Contact us"]
# fmt: on


class VisibleText(HTMLParser):
    """The text a visitor reads inside one element (such as <main>), without markup or scripts."""

    # fmt: off
    BLOCKS = {"p", "li", "br", "div", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "section",
              "article", "header", "footer", "nav", "ul", "ol", "dl", "blockquote", "figcaption"}
    # fmt: on
    HIDDEN = {"script", "style", "template", "head"}

    def __init__(self, region):
        super().__init__(convert_charrefs=True)
        self.region, self.inside, self.hidden, self.parts = region, 0, 0, []

    def handle_starttag(self, tag, attrs):
        self.inside += tag == self.region
        self.hidden += tag in self.HIDDEN
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.inside -= tag == self.region and self.inside > 0
        self.hidden -= tag in self.HIDDEN and self.hidden > 0
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.inside and not self.hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html, region="main"):
        parser = cls(region)
        parser.feed(html)
        return normalise("".join(parser.parts))


def load_seed(**options):
    out = StringIO()
    call_command("load_seed_content", stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "partners": Partner.objects.count(),
        "sites": list(Site.objects.values_list("pk", "root_page_id", "site_name")),
        "menu": list(MainMenu.objects.values_list("pk", "items__page_id", "items__label")),
        "group rights": sorted(
            GroupPagePermission.objects.values_list("group", "page", "permission__codename")
        ),
        "media rights": GroupCollectionPermission.objects.count(),
        "model rights": sorted(Group.permissions.through.objects.values_list("pk", flat=True)),
        "workflows": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }


# ---------------------------------------------------------------------------
# The facts list itself: the seed's words, all of them.


def test_every_seed_fact_is_in_the_seed_page_word_for_word():
    seed = normalise(SEED_TEXT)
    missing = [
        fact for facts in SEED_FACTS.values() for fact in facts if normalise(fact) not in seed
    ]
    assert missing == []


def test_every_line_of_the_seed_page_is_in_the_facts_list():
    facts = sorted({normalise(f) for facts in SEED_FACTS.values() for f in facts}, key=len)
    uncovered = []
    for line in filter(None, map(normalise, SEED_TEXT.splitlines())):
        rest = line
        for fact in reversed(facts):
            rest = rest.replace(fact, "")
        # What is left may only be list numbers, bullets and punctuation.
        if not re.fullmatch(r"[\s\d.:•()–-]*", rest):
            uncovered.append((line, rest))
    assert uncovered == []


# ---------------------------------------------------------------------------
# The command


@pytest.mark.django_db
def test_first_run_replaces_the_welcome_page_and_sets_up_the_site():
    assert Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    out = load_seed()
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    home = HomePage.objects.get()
    assert (home.title, home.depth, home.live) == ("Systems Leadership", 2, True)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("localhost", 80, "Systems Leadership")
    assert site.root_page_id == home.pk
    assert f"Pages: {PAGE_COUNT} created, 0 kept." in out
    assert "Removed Wagtail's untouched default page" in out


@pytest.mark.django_db
def test_an_edited_welcome_page_is_kept():
    welcome = Page.objects.get(title="Welcome to your new Wagtail site!")
    welcome.title = "Our old front page"
    welcome.save_revision().publish()
    load_seed()
    assert Page.objects.get(pk=welcome.pk).title == "Our old front page"
    home = HomePage.objects.get()
    assert home.slug == "systems-leadership"
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


@pytest.mark.django_db
def test_creates_a_default_site_when_there_is_none():
    Site.objects.all().delete()
    load_seed()
    site = Site.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == ("localhost", 80, True)
    assert site.root_page.specific_class is HomePage


@pytest.mark.django_db
def test_second_run_changes_nothing():
    load_seed()
    before = snapshot()
    out = load_seed()
    assert snapshot() == before
    assert f"Pages: 0 created, {PAGE_COUNT} kept." in out
    assert "Groups: 0 created, 2 kept." in out
    assert "Workflows: 0 created, 1 kept." in out
    assert "nothing changed" in out


@pytest.mark.django_db
def test_keeps_what_editors_changed_and_recreates_only_what_is_missing():
    load_seed()
    programmes = Page.objects.get(slug="programmes").specific
    programmes.title = "Our programmes"
    programmes.save_revision().publish()
    home = HomePage.objects.get()
    home.sections = []
    home.save_revision().publish()
    Page.objects.get(url_path=IGL.replace("/", "/home/", 1)).delete()
    before = snapshot()

    out = load_seed()

    assert Page.objects.get(slug="programmes").title == "Our programmes"
    assert len(HomePage.objects.get().sections) == 0
    recreated = InterviewPage.objects.get(title=Q1)
    assert recreated.live and recreated.leader.name == "Jon Glasby"
    after = snapshot()
    assert after["pages"] == before["pages"] + 1
    assert after["revisions"] == before["revisions"] + 1
    assert after["people"] == before["people"]  # the leader was found, not duplicated
    assert f"Pages: 1 created, {PAGE_COUNT - 1} kept." in out


@pytest.mark.django_db
def test_refuses_production_settings(monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="--force-production"):
        load_seed()
    assert Page.objects.count() == pages
    load_seed(force_production=True)
    assert HomePage.objects.exists()


@pytest.mark.django_db
def test_refuses_when_settings_module_is_production(settings):
    settings.SETTINGS_MODULE = "portal.settings.production"
    with pytest.raises(CommandError):
        load_seed()
    assert not HomePage.objects.exists()


# ---------------------------------------------------------------------------
# Who may do what: the Editors and Moderators groups and the moderation workflow.


def page_rights(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_groups_write_under_the_home_page_and_only_moderators_publish():
    out = load_seed()
    home, root = HomePage.objects.get(), Page.get_first_root_node()
    assert "Groups: 0 created, 2 updated, 0 kept." in out  # Wagtail's own groups, given rights
    assert page_rights("Editors", home) == {"add_page", "change_page"}
    assert page_rights("Moderators", home) == {
        "add_page", "change_page", "lock_page", "publish_page", "unlock_page"
    }  # fmt: skip
    # Rights on the tree's root would reach pages outside the site.
    assert page_rights("Editors", root) == page_rights("Moderators", root) == set()
    for name in ("Editors", "Moderators"):
        group = Group.objects.get(name=name)
        media = set(group.collection_permissions.values_list("permission__codename", flat=True))
        assert {"add_document", "change_document", "choose_image", "add_image"} <= media
        model_rights = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "add_person", "change_person", "add_partner"} <= model_rights


@pytest.mark.django_db
def test_the_moderation_workflow_is_on_the_home_page():
    out = load_seed()
    assert "Workflows: 1 created, 0 kept." in out
    home = HomePage.objects.get()
    workflow = Workflow.objects.get(name="Moderation")
    assert WorkflowPage.objects.get(page=home).workflow == workflow
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert [type(task) for task in tasks] == [GroupApprovalTask]
    assert [group.name for group in tasks[0].groups.all()] == ["Moderators"]
    # Every page of the site falls under it.
    why = Page.objects.get(slug="why-systems-leadership")
    assert why.get_workflow() == workflow


@pytest.mark.django_db
def test_groups_and_workflow_are_recreated_if_deleted_and_choices_kept():
    load_seed()
    Group.objects.filter(name="Editors").delete()
    home = HomePage.objects.get()
    other = Workflow.objects.create(name="Two reviewers")
    WorkflowPage.objects.filter(page=home).update(workflow=other)
    moderators = Group.objects.get(name="Moderators")
    GroupPagePermission.objects.create(
        group=moderators, page=home, permission=Permission.objects.get(codename="bulk_delete_page")
    )

    out = load_seed()

    assert "Groups: 1 created, 1 kept." in out
    assert page_rights("Editors", home) == {"add_page", "change_page"}
    assert WorkflowPage.objects.get(page=home).workflow == other
    assert "bulk_delete_page" in page_rights("Moderators", home)


# ---------------------------------------------------------------------------
# What it creates, field by field: nothing the seed page does not give.


@pytest.mark.django_db
def test_people_partners_and_nothing_invented():
    load_seed()
    people = {p.name: (p.honorific, p.role, p.organisation) for p in Person.objects.all()}
    assert people == {
        "Jon Glasby": ("Professor", "Head of School of Social Policy", "University of Birmingham"),
        "Sarah-Jane Marsh": (
            "",
            "Chief Executive",
            "Birmingham Children's Hospital NHS Foundation Trust",
        ),
        "K. Newbigging": ("", "", ""),
        "B. Weir": ("", "", ""),
    }
    names = ["Cornwall County Council", "HEE", "The Strategy Unit"]
    assert sorted(Partner.objects.values_list("name", "url")) == [(name, "") for name in names]
    for interview in InterviewPage.objects.all():
        assert not interview.has_video and not interview.video_url
        assert len(interview.transcript) == 0
        assert interview.question == interview.title
    assert not PublicationPage.objects.filter(document__isnull=False).exists()
    settings = SiteSettings.objects.get()
    assert (settings.contact_email, settings.contact_phone, settings.address) == ("", "", "")
    assert settings.contact_page.specific_class is ContactPage


# title: (start, end, place, audience, partners, focus areas, status on 1 June 2025)
# fmt: off
EXPECTED_PROGRAMMES = {
    "The 21st Century Public Servant Leadership programme": (
        "2017-01-01", "2020-12-31", "", "Aspiring Directors of Public Health", [], [], "delivered"),
    "Leading D!fferently": (
        "2018-01-01", "2019-12-31", "Cornwall", "", ["Cornwall County Council"], ["development"],
        "delivered"),
    "PHM support to core leadership teams": (
        "2019-01-01", None, "Midlands", "core leadership teams in 7 Midlands STPs",
        ["The Strategy Unit"], [], "current"),
    "Systems Leadership modules for the Copenhagen healthcare region": (
        "2018-01-01", "2019-12-31", "Copenhagen", "", [], [], "delivered"),
    "Integrated Teams Pilot Programme": (
        "2016-01-01", "2017-12-31", "West Midlands", "", ["HEE"], [], "delivered"),
    "Systems Leadership Masterclass series": (
        "2016-01-01", "2017-12-31", "West Midlands", "", ["HEE"], [], "delivered"),
    "Systems Leadership development programme": (
        None, None, "", "senior public sector leaders", [], ["development"], "in_development"),
    "Evaluation of the 21C ADPH programme": (
        None, None, "", "", [], ["evaluation"], "in_development"),
}
# fmt: on


@pytest.mark.django_db
def test_programmes_years_partners_places_and_status():
    load_seed()
    today = datetime.date(2025, 6, 1)
    found = {
        p.title: (
            p.start_date and p.start_date.isoformat(),
            p.end_date and p.end_date.isoformat(),
            p.place,
            p.audience,
            [partner.name for partner in p.partners.all()],
            sorted(area.slug for area in p.focus_areas.all()),
            p.get_status(today),
        )
        for p in ProgrammePage.objects.all()
    }
    assert found == EXPECTED_PROGRAMMES
    lines = {title: line for _, title, line in PROGRAMMES}
    for programme in ProgrammePage.objects.all():
        assert programme.summary == lines[programme.title]
        assert programme.date_precision == "year"


@pytest.mark.django_db
def test_publications_authors_embargo_and_focus_areas():
    load_seed()
    report = PublicationPage.objects.get(title=REPORT)
    details = (report.kind, report.year, report.embargoed, report.embargo_end)
    assert details == ("report", None, True, None)
    assert report.embargo_active and report.author_names == []
    bristol = PublicationPage.objects.get(title=BRISTOL)
    assert (bristol.kind, bristol.year, bristol.embargoed) == ("evaluation", 2017, False)
    assert bristol.author_names == ["K. Newbigging", "B. Weir"]
    assert [area.slug for area in bristol.focus_areas.all()] == ["evaluation"]
    assert not report.focus_areas.exists()


@pytest.mark.django_db
def test_every_page_is_published_through_a_revision_with_a_summary():
    load_seed()
    pages = Page.objects.filter(depth__gte=2).specific()
    assert len(pages) == PAGE_COUNT
    for page in pages:
        assert page.live and page.first_published_at, page.url_path
        assert page.latest_revision_id and page.live_revision_id == page.latest_revision_id
        assert page.revisions.count() == 1, page.url_path
        assert page.summary, page.url_path


@pytest.mark.django_db
def test_home_sections_in_the_seed_order():
    load_seed()
    home = HomePage.objects.get()
    sections = [(block.block_type, block.value["heading"]) for block in home.sections]
    assert sections == [
        ("featured_interviews", "Learning from leaders"),
        ("call_to_action", "Why systems leadership?"),
        ("featured_pages", "Our areas of focus"),
        ("latest_pages", "Leadership programmes"),
        ("latest_pages", "Systems leadership viewpoints"),
        ("latest_pages", "Publications"),
        ("call_to_action", "Contact us"),
    ]
    leaders, why, areas, programmes, viewpoints, publications, contact = (
        block.value for block in home.sections
    )
    assert [page.title for page in leaders["pages"]] == [Q1, Q2]
    assert leaders["more_page"].slug == "learning-from-leaders"
    assert why["page"].specific_class is StandardPage and why["text"] == CLARITY
    assert [page.title for page in areas["pages"]] == list(AREAS)
    assert (programmes["index"].slug, programmes["count"]) == ("programmes", 8)
    assert viewpoints["introduction"] == "Discussion relating to system leadership"
    assert viewpoints["empty_text"] == "No viewpoints have been published yet."
    assert publications["index"].slug == "publications"
    assert contact["page"].specific_class is ContactPage


@pytest.mark.django_db
def test_main_menu_items_in_order():
    load_seed()
    menu = MainMenu.for_site(Site.objects.get(is_default_site=True))
    assert [item.text for item in menu.items.order_by("sort_order")] == MENU


# ---------------------------------------------------------------------------
# The site as visitors see it. The seed is loaded once for the class and rolled back after it.


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_seed()
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
class TestSeedFactsOnTheSite:
    @pytest.mark.parametrize("path", EVERY_PAGE + [SEARCH])
    def test_page_shows_its_seed_facts(self, client, path):
        response = client.get(path)
        assert response.status_code == 200
        text = VisibleText.of(response.content.decode())
        facts = SEED_FACTS.get(path, []) + SHOWN_FACTS.get(path, [])
        assert facts, "every page has facts to check"
        missing = [fact for fact in facts if normalise(fact) not in text]
        assert missing == [], f"not shown on {path}"

    def test_every_live_page_answers_200(self, client):
        paths = []
        for page in Page.objects.live().filter(depth__gt=2):
            url = page.get_url()
            assert client.get(url).status_code == 200, url
            paths.append(url)
        expected = EVERY_PAGE + CONTACT_SEED_PAGES + SITE_PAGES
        assert sorted(paths) == sorted(p for p in expected if p != H)
        assert client.get(H).status_code == 200

    def test_welcome_page_is_gone(self, client):
        assert "Welcome to your new Wagtail site" not in client.get(H).content.decode()

    def test_why_page_lists_the_three_areas_in_order_linking_to_each(self, client):
        html = client.get(WHY).content.decode()
        main = re.search(r"<main[^>]*>(.*)</main>", html, re.S).group(1)
        ordered_list = re.search(r"<ol[^>]*>(.*?)</ol>", main, re.S)
        assert ordered_list, "the areas of focus are an ordered list"
        items = re.findall(r"<li[^>]*>(.*?)</li>", ordered_list.group(1), re.S)
        assert [VisibleText.of(f"<li>{item}</li>", "li") for item in items] == [
            f"{name}: {text}" for name, text in AREAS.items()
        ]
        for slug in ("evaluation", "development", "research"):
            assert f'href="/focus-areas/{slug}/"' in ordered_list.group(1)

    def test_authors_in_the_order_given(self, client):
        text = VisibleText.of(client.get(PBRI).content.decode())
        assert text.index("K. Newbigging") < text.index("B. Weir")

    def test_header_menu_and_footer_contact_link(self, client):
        html = client.get(H).content.decode()
        header = VisibleText.of(html, "header")
        positions = [header.find(label) for label in MENU]
        assert -1 not in positions, header
        assert positions == sorted(positions)
        assert "Contact us" in VisibleText.of(html, "footer")
