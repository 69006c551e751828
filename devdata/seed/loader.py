"""Builds the first edition of the site from `devdata.seed.content`, keeping whatever exists."""

from django.db import transaction

from contact.seed import seed_contact_page
from devdata.seed import content
from devdata.seed.accessibility import SLUG as ACCESSIBILITY_SLUG
from devdata.seed.accessibility import build_accessibility
from devdata.seed.groups import seed_groups_and_workflow
from devdata.seed.pages import (
    build_viewpoints,
    build_why,
    ensure_page,
    seed_focus_areas,
    seed_interviews,
    seed_programmes,
    seed_publications,
    why_body,
)
from devdata.seed.report import SeedReport
from devdata.seed.site import (
    ensure_home,
    ensure_main_menu,
    ensure_site,
    ensure_site_settings,
    home_sections,
)


@transaction.atomic
def load_seed(progress=None):
    """Create whatever of the seed content is missing; return a report of what was done.

    `progress`, a progress bar, advances by one for every page, person or setting met.
    """
    report = SeedReport(progress)
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
    contact = seed_contact(report, home)
    accessibility, _ = ensure_page(
        report, home, ACCESSIBILITY_SLUG, lambda: build_accessibility(contact)
    )
    if home_created:
        home.sections = home_sections(
            why, areas, programmes, interviews, viewpoints, publications, contact
        )
        home.save_revision().publish()
    site = ensure_site(report, home, home_created)
    ensure_site_settings(report, site, contact, accessibility)
    ensure_main_menu(report, site, home)
    seed_groups_and_workflow(report, home)
    return report


def seed_contact(report, home):
    """The contact page, and whatever pages its own seed adds (such as its privacy notice)."""
    before = set(home.get_children().values_list("pk", flat=True))
    contact, created = seed_contact_page(home)
    report.add(created, "page", contact)
    for page in home.get_children().exclude(pk__in=before).exclude(pk=contact.pk):
        report.add(True, "page", page)
    notice = getattr(contact, "privacy_notice", None)
    if notice and notice.pk in before:
        report.add(False, "page", notice)
    return contact
