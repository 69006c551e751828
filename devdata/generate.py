"""Realistic pages of every type in bulk, to try the site at the size of a real one.

Each page is built by its app's own factory (text from Faker with the factories' words of the
field), from seeded random generators so that a run repeats exactly; pages are then written a
batch at a time by `devdata.bulk`. The search index is updated by `index()`, once, afterwards.
"""

import datetime
import random
from collections import defaultdict

from django.db import transaction
from django.db.models import Max
from factory.random import reseed_random
from wagtail.models import Page

from core.factories import StandardPageFactory, fake, home_page
from core.models import StandardPage
from devdata.bulk import Tree, index_pages, insert_links, insert_pages, m2m_rows
from devdata.progress import progress
from focus_areas.factories import FocusAreaIndexPageFactory, FocusAreaPageFactory
from focus_areas.models import FocusAreaIndexPage, FocusAreaPage
from interviews.factories import InterviewIndexPageFactory, InterviewPageFactory
from interviews.models import InterviewIndexPage, InterviewPage
from people.factories import PartnerFactory, PersonFactory
from people.models import Partner, Person
from programmes.factories import ProgrammeIndexPageFactory, ProgrammePageFactory
from programmes.models import DatePrecision, ProgrammeIndexPage, ProgrammePage
from publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from publications.models import (
    PublicationAuthor,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from viewpoints.factories import ViewpointIndexPageFactory, ViewpointPageFactory
from viewpoints.models import ViewpointIndexPage, ViewpointPage

# Page types, their shares of the generated pages, and the index each is listed on
# (None: directly under the home page).
KINDS = {
    ProgrammePage: (20, ProgrammeIndexPage, ProgrammeIndexPageFactory),
    InterviewPage: (15, InterviewIndexPage, InterviewIndexPageFactory),
    ViewpointPage: (30, ViewpointIndexPage, ViewpointIndexPageFactory),
    PublicationPage: (20, PublicationIndexPage, PublicationIndexPageFactory),
    StandardPage: (15, None, None),
}
FOCUS_AREAS = ("Evaluation", "Development", "Research")
BATCH = 1000


class Generator:
    """Adds `count` pages across every type under the site's home page, making what is missing."""

    def __init__(self, seed=1, show_progress=False):
        self.random = random.Random(seed)
        # Faker and factory_boy share one generator; seeding it makes every text repeat too.
        reseed_random(seed)
        self.show_progress = show_progress
        self.tree = Tree()
        self.first_new_pk = None

    # -- what the pages hang on ---------------------------------------------------------------

    def structure(self, count):
        self.home = home_page()
        self.parents = {StandardPage: self.home}
        for model, (_, index_model, index_factory) in KINDS.items():
            if index_model is not None:
                self.parents[model] = index_model.objects.child_of(
                    self.home
                ).first() or index_factory(parent=self.home)
        areas_index = FocusAreaIndexPage.objects.child_of(
            self.home
        ).first() or FocusAreaIndexPageFactory(parent=self.home)
        self.areas = list(FocusAreaPage.objects.child_of(areas_index).live()) or [
            FocusAreaPageFactory(parent=areas_index, title=title, slug=title.lower())
            for title in FOCUS_AREAS
        ]
        # Enough people and partners that none is named on thousands of pages.
        self.people = self.pool(Person, PersonFactory, max(40, min(1000, count // 100)))
        self.partners = self.pool(Partner, PartnerFactory, max(15, min(100, count // 1000)))

    def pool(self, model, model_factory, size):
        missing = size - model.objects.count()
        if missing > 0:
            model_factory.create_batch(missing)
        return list(model.objects.order_by("pk")[:size])

    # -- pages ----------------------------------------------------------------------------------

    def generate(self, count):
        """Write `count` new live pages; returns how many were written."""
        self.structure(count)
        self.first_new_pk = (Page.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        models = list(KINDS)
        weights = [share for share, _, _ in KINDS.values()]
        makers = {
            ProgrammePage: self.programme,
            InterviewPage: self.interview,
            ViewpointPage: self.viewpoint,
            PublicationPage: self.publication,
            StandardPage: self.standard_page,
        }
        created = 0
        with progress(desc="Pages", total=count, enabled=self.show_progress) as bar:
            while created < count:
                size = min(BATCH, count - created)
                built = []
                for model in self.random.choices(models, weights, k=size):
                    parent = self.parents[model]
                    page, links = makers[model](parent)
                    self.tree.place(parent, page)
                    built.append((page, links))
                self.write(built)
                created += size
                bar.update(size)
        return created

    @transaction.atomic
    def write(self, built):
        insert_pages([page for page, _ in built])
        rows = defaultdict(list)
        for page, links in built:
            for field_name, targets in links.items():
                if field_name == "authors":
                    rows[PublicationAuthor] += [
                        PublicationAuthor(page_id=page.pk, person_id=person.pk, sort_order=i)
                        for i, person in enumerate(targets)
                    ]
                else:
                    through, through_rows = m2m_rows(page, field_name, targets)
                    rows[through] += through_rows
        insert_links(rows)
        self.tree.count_children()

    def index(self):
        """Add the pages written by `generate` to the search index, in bulk."""
        after = (self.first_new_pk or 1) - 1
        total = Page.objects.filter(pk__gt=after).count()
        with progress(desc="Search index", total=total, enabled=self.show_progress) as bar:
            index_pages(list(KINDS) + [FocusAreaPage], after, bar)

    # -- one page of each type: (unsaved page, {relation: [objects]}) -----------------------

    def sample(self, items, most):
        return self.random.sample(items, self.random.randint(0, min(most, len(items))))

    def programme(self, parent):
        r = self.random
        start = end = None
        if r.random() < 0.85:
            start = fake.date_between(datetime.date(2012, 1, 1), "+1y")
            if r.random() < 0.7:
                end = start + datetime.timedelta(days=r.randint(90, 1100))
        page = ProgrammePageFactory.build(
            parent=parent,
            start_date=start,
            end_date=end,
            date_precision=r.choice(DatePrecision.values),
        )
        return page, {
            "partners": self.sample(self.partners, 3),
            "focus_areas": self.sample(self.areas, 2),
        }

    def interview(self, parent):
        leader = self.random.choice(self.people)
        no_video = {"video_url": ""} if self.random.random() < 0.2 else {}
        page = InterviewPageFactory.build(parent=parent, leader=leader, **no_video)
        for paragraph in page.transcript.raw_data:
            if paragraph["value"]["speaker"] != "Interviewer":
                paragraph["value"]["speaker"] = leader.name
        return page, {"focus_areas": self.sample(self.areas, 2)}

    def viewpoint(self, parent):
        author = self.random.choice(self.people) if self.random.random() < 0.8 else None
        page = ViewpointPageFactory.build(parent=parent, author=author)
        return page, {"focus_areas": self.sample(self.areas, 2)}

    def publication(self, parent):
        r = self.random
        page = PublicationPageFactory.build(
            parent=parent,
            kind=r.choice(PublicationKind.values),
            embargoed=r.random() < 0.1,
            # Files would be one upload per page; generated publications link to none.
            document=None,
            authors=[],
        )
        return page, {
            "authors": r.sample(self.people, r.randint(1, 3)),
            "focus_areas": self.sample(self.areas, 2),
        }

    def standard_page(self, parent):
        return StandardPageFactory.build(parent=parent), {}
