"""Realistic pages of every type in bulk, to try search on a site the size of a real one.

Words come from the centre's own field (health and social care leadership) through Python's
`random` with a fixed seed, so runs repeat exactly and nothing beyond the runtime packages is
needed. Pages are written without one search-index update per page; the caller updates the
index once at the end.
"""

import datetime
import random
from contextlib import contextmanager

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, Site

from core.models import HomePage, StandardPage
from focus_areas.models import FocusAreaIndexPage, FocusAreaPage
from interviews.models import InterviewIndexPage, InterviewPage, Person
from programmes.models import DatePrecision, Partner, ProgrammeIndexPage, ProgrammePage
from publications.models import (
    PublicationAuthor,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from search.wordlists import (
    ADJECTIVES,
    FIRST_NAMES,
    LAST_NAMES,
    NOUNS,
    ORGANISATIONS,
    PLACES,
    QUESTIONS,
    ROLES,
    SETTINGS,
    VERBS,
)
from viewpoints.models import ViewpointIndexPage, ViewpointPage


class Writer:
    """Sentences, paragraphs and titles that read like the centre's own pages."""

    def __init__(self, seed):
        self.random = random.Random(seed)

    def choice(self, items):
        return self.random.choice(items)

    def sentence(self):
        r = self.random
        words = [
            r.choice(ADJECTIVES).capitalize(),
            r.choice(NOUNS),
            r.choice(VERBS),
            r.choice(("the", "our", "their", "a", "new")),
            r.choice(ADJECTIVES),
            r.choice(NOUNS),
            r.choice(("across", "in", "for", "with", "between", "within")),
            r.choice(("the", "local", "many", "different")),
            r.choice(NOUNS),
        ]
        if r.random() < 0.4:
            words += ["in", r.choice(PLACES)]
        return " ".join(words) + "."

    def paragraph(self, sentences=None):
        count = sentences or self.random.randint(3, 6)
        return " ".join(self.sentence() for _ in range(count))

    def title(self):
        r = self.random
        pattern = r.randrange(4)
        if pattern == 0:
            return f"{r.choice(ADJECTIVES).capitalize()} {r.choice(NOUNS)} in {r.choice(PLACES)}"
        if pattern == 1:
            return f"The {r.choice(NOUNS)} of {r.choice(ADJECTIVES)} {r.choice(NOUNS)}"
        if pattern == 2:
            return (
                f"{r.choice(NOUNS).capitalize()} and {r.choice(NOUNS)}: "
                f"{r.choice(ADJECTIVES)} {r.choice(NOUNS)}"
            )
        return f"Leading {r.choice(ADJECTIVES)} {r.choice(NOUNS)} across {r.choice(PLACES)}"

    def body(self):
        blocks = []
        for _ in range(self.random.randint(2, 4)):
            blocks.append({"type": "heading", "value": self.title()})
            for _ in range(self.random.randint(1, 3)):
                blocks.append({"type": "paragraph", "value": f"<p>{self.paragraph()}</p>"})
        return blocks

    def transcript(self, leader_name):
        paragraphs = []
        seconds = 0
        for i in range(self.random.randint(4, 10)):
            paragraphs.append(
                {
                    "type": "paragraph",
                    "value": {
                        "start": f"{seconds // 60}:{seconds % 60:02d}",
                        "speaker": "Interviewer" if i % 2 == 0 else leader_name,
                        "text": self.paragraph(self.random.randint(2, 4)),
                    },
                }
            )
            seconds += self.random.randint(20, 90)
        return paragraphs

    def date(self, start_year=2012, end_year=None):
        end_year = end_year or datetime.date.today().year
        start = datetime.date(start_year, 1, 1).toordinal()
        end = datetime.date(end_year, 12, 28).toordinal()
        return datetime.date.fromordinal(self.random.randint(start, end))


# Page types and their shares of the generated pages.
SHARES = (
    ("programme", 20),
    ("interview", 15),
    ("viewpoint", 30),
    ("publication", 20),
    ("page", 15),
)


@contextmanager
def index_updates_paused(models):
    """Skip the per-page search index update; the caller runs update_index once at the end."""
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Generator:
    """Adds `count` pages across every type under the site's home page, making what is missing."""

    def __init__(self, seed=1, stdout=None):
        self.writer = Writer(seed)
        self.stdout = stdout
        self.next_step = {}

    # -- structure ----------------------------------------------------------------------------

    def home(self):
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Systems Leadership",
                slug="systems-leadership",
                introduction="<p>The collaborative leadership of many people.</p>",
                summary="The collaborative leadership of many people, for a shared purpose.",
            )
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page = home
        site.save()
        return home

    def index(self, model, home, title, slug):
        found = model.objects.child_of(home).first()
        if found is None:
            # Every page carries a summary: editors cannot publish one without it.
            summary = f"{title}: {self.writer.sentence()}"
            found = home.add_child(instance=model(title=title, slug=slug, summary=summary))
        return found

    def focus_areas(self, home):
        index = self.index(FocusAreaIndexPage, home, "Focus areas", "focus-areas")
        areas = list(FocusAreaPage.objects.child_of(index).live())
        if not areas:
            for title in ("Evaluation", "Development", "Research"):
                areas.append(
                    index.add_child(
                        instance=FocusAreaPage(
                            title=title, slug=title.lower(), summary=self.writer.sentence()
                        )
                    )
                )
        return areas

    def people(self, count=40):
        people = list(Person.objects.all()[:count])
        w = self.writer
        while len(people) < count:
            people.append(
                Person.objects.create(
                    name=f"{w.choice(FIRST_NAMES)} {w.choice(LAST_NAMES)}",
                    honorific=w.choice(["", "", "Professor", "Dr"]),
                    role=w.choice(ROLES),
                    organisation=f"{w.choice(PLACES)} {w.choice(ORGANISATIONS)}",
                )
            )
        return people

    def partners(self, count=15):
        w = self.writer
        for _ in range(count):
            Partner.objects.get_or_create(name=f"{w.choice(PLACES)} {w.choice(ORGANISATIONS)}")
        return list(Partner.objects.all())

    # -- pages ----------------------------------------------------------------------------------

    def add_child(self, parent, page):
        """add_child without re-reading the parent's last child for every page."""
        if parent.pk not in self.next_step:
            last = parent.get_last_child()
            self.next_step[parent.pk] = (
                int(last.path[-parent.steplen :], 36) + 1 if last is not None else 1
            )
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        page.depth = parent.depth + 1
        page.path = parent._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.locale_id = parent.locale_id
        now = timezone.now()
        page.first_published_at = page.last_published_at = now
        page.live = True
        page.draft_title = page.title
        # No validation (the generator's pages are valid by construction) and no log entry each.
        page.save(clean=False, log_action=None)
        return page

    def generate(self, count):
        home = self.home()
        areas = self.focus_areas(home)
        people = self.people()
        partners = self.partners()
        parents = {
            "programme": self.index(ProgrammeIndexPage, home, "Programmes", "programmes"),
            "interview": self.index(
                InterviewIndexPage, home, "Learning from leaders", "learning-from-leaders"
            ),
            "viewpoint": self.index(
                ViewpointIndexPage, home, "Systems leadership viewpoints", "viewpoints"
            ),
            "publication": self.index(PublicationIndexPage, home, "Publications", "publications"),
            "page": home,
        }
        makers = {
            "programme": self.programme,
            "interview": self.interview,
            "viewpoint": self.viewpoint,
            "publication": self.publication,
            "page": self.standard_page,
        }
        kinds = [kind for kind, share in SHARES for _ in range(share)]
        models = [ProgrammePage, InterviewPage, ViewpointPage, PublicationPage, StandardPage, Page]
        created = 0
        with index_updates_paused(models):
            while created < count:
                batch = min(500, count - created)
                with transaction.atomic():
                    added = {}
                    for _ in range(batch):
                        kind = self.writer.choice(kinds)
                        page = makers[kind](people, partners, areas)
                        self.add_child(parents[kind], page)
                        added[parents[kind].pk] = added.get(parents[kind].pk, 0) + 1
                    for parent_pk, number in added.items():
                        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + number)
                created += batch
                if self.stdout:
                    self.stdout.write(f"{created} of {count} pages")
        return created

    def _common(self, model, title=None):
        w = self.writer
        title = title or w.title()
        page = model(title=title, slug=f"{_slug(title)}-{w.random.randrange(10**8)}")
        page.summary = w.paragraph(2)[:400]
        return page

    def _areas(self, areas):
        return self.writer.random.sample(areas, self.writer.random.randint(0, min(2, len(areas))))

    def programme(self, people, partners, areas):
        w = self.writer
        page = self._common(ProgrammePage)
        page.body = w.body()
        page.place = w.choice(PLACES)
        page.audience = f"{w.choice(ADJECTIVES).capitalize()} leaders in {w.choice(NOUNS)}"
        if w.random.random() < 0.85:
            page.start_date = w.date(2012)
            if w.random.random() < 0.7:
                page.end_date = page.start_date + datetime.timedelta(
                    days=w.random.randint(90, 1100)
                )
        page.date_precision = w.choice([DatePrecision.YEAR, DatePrecision.DAY])
        page.partners = w.random.sample(partners, min(len(partners), w.random.randint(0, 3)))
        page.focus_areas = self._areas(areas)
        return page

    def interview(self, people, partners, areas):
        w = self.writer
        leader = w.choice(people)
        question = w.choice(QUESTIONS).format(w.choice(SETTINGS))
        page = self._common(InterviewPage, title=f"Learning from leaders: {question}")
        page.leader = leader
        page.question = question
        page.video_description = w.sentence()
        page.transcript = w.transcript(leader.name)
        page.focus_areas = self._areas(areas)
        return page

    def viewpoint(self, people, partners, areas):
        w = self.writer
        page = self._common(ViewpointPage)
        page.author = w.choice(people) if w.random.random() < 0.8 else None
        page.date = w.date(2016)
        page.body = w.body()
        page.focus_areas = self._areas(areas)
        return page

    def publication(self, people, partners, areas):
        w = self.writer
        page = self._common(PublicationPage)
        page.kind = w.choice(PublicationKind.values)
        page.year = w.random.randint(2010, datetime.date.today().year)
        page.body = w.body()[:3]
        page.embargoed = w.random.random() < 0.1
        page.authors = [
            PublicationAuthor(person=person, sort_order=i)
            for i, person in enumerate(w.random.sample(people, w.random.randint(1, 3)))
        ]
        page.focus_areas = self._areas(areas)
        return page

    def standard_page(self, people, partners, areas):
        page = self._common(StandardPage)
        page.body = self.writer.body()
        return page


def _slug(title):
    from django.utils.text import slugify

    return slugify(title)[:60] or "page"
