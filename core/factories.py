"""Factories for the site-wide page types, images and documents, used by the tests of every app.

Page factories put a page under a sensible parent when none is given: the home page for index
pages, the (single) index for content pages. `build_home_site()` makes a HomePage the root of the
default Site, as the seed loader does.
"""

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from core.models import HomePage, StandardPage

fake = Faker("en_GB")

# Faker's default text is Latin; these words make fake pages read like the centre's own.
# The focus areas' names are left out so that a test looking for one never finds filler text.
WORDS = [
    "leadership",
    "systems",
    "health",
    "social",
    "care",
    "integrated",
    "partnership",
    "local",
    "council",
    "NHS",
    "collaboration",
    "trust",
    "population",
    "services",
    "staff",
    "commissioning",
    "practice",
    "boundaries",
    "organisations",
    "programme",
    "leaders",
    "shared",
    "purpose",
    "communities",
    "public",
    "sector",
    "primary",
    "hospital",
    "workforce",
    "improvement",
    "outcomes",
    "learning",
    "change",
    "across",
    "the",
    "of",
    "and",
    "in",
    "for",
    "with",
    "to",
    "a",
    "our",
    "their",
    "new",
]


def sentence(words=8):
    return fake.sentence(nb_words=words, ext_word_list=WORDS)


def paragraph(sentences=3):
    return fake.paragraph(nb_sentences=sentences, ext_word_list=WORDS)


# A one-page PDF, so documents served in tests are real files with a real type.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# ---------------------------------------------------------------------------
# StreamField content in Wagtail's JSON form, so factories need no block factories.


def rich_text(paragraphs=2):
    return "".join(f"<p>{paragraph(4)}</p>" for _ in range(paragraphs))


def paragraph_block(text=None):
    return {"type": "paragraph", "value": text or rich_text(1)}


def heading_block(text=None):
    return {"type": "heading", "value": text or sentence(4).rstrip(".")}


def quote_block(quote=None, attribution=None):
    return {
        "type": "quote",
        "value": {
            "quote": quote or paragraph(2),
            "attribution": attribution if attribution is not None else fake.name(),
        },
    }


def body_stream():
    """A short article body: heading, two paragraphs and a quotation."""
    return [heading_block(), paragraph_block(), paragraph_block(), quote_block()]


# ---------------------------------------------------------------------------
# Media


def root_collection():
    # wagtail_factories would make a new root collection per file; real uploads use the root.
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the library (a real 16:9 JPEG, so renditions can be made)."""

    class Meta:
        model = get_image_model()

    title = factory.LazyFunction(lambda: sentence(4).rstrip("."))
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=320, height=180, color="teal", format="JPEG")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the library: a small PDF."""

    class Meta:
        model = get_document_model()

    title = factory.LazyFunction(lambda: sentence(6).rstrip("."))
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(
        filename=factory.LazyAttribute(lambda o: f"{slugify(o.factory_parent.title)[:40]}.pdf"),
        data=PDF_BYTES,
    )


# ---------------------------------------------------------------------------
# Pages


def page_title():
    return sentence(5).rstrip(".").capitalize()


class BasePageFactory(wagtail_factories.PageFactory):
    """Shared fields of every page type: a title, a unique slug, a summary, published now."""

    class Meta:
        abstract = True

    title = factory.LazyFunction(page_title)
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.title)[:60]}-{n}")
    summary = factory.LazyFunction(lambda: paragraph(2))
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda o: o.first_published_at)
    live = True


def build_home_site(**kwargs):
    """A HomePage as the root of the default Site, in place of Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePageFactory(parent=Page.get_first_root_node(), **kwargs)
    welcome = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Systems Leadership"
    site.save()
    if welcome is not None and not isinstance(welcome.specific, HomePage):
        # Its Site now points elsewhere, so deleting it cascades to nothing else.
        welcome.delete()
    return home


def home_page():
    """The site's home page, making it the first time it is asked for."""
    return HomePage.objects.first() or build_home_site()


def child_of_home(model, index_factory):
    """The index page of `model` under the home page, made if it does not exist yet."""

    def parent():
        return model.objects.first() or index_factory()

    return parent


class HomePageFactory(BasePageFactory):
    """The home page. Use `build_home_site()` to make it the root of the site."""

    class Meta:
        model = HomePage

    title = "Systems Leadership"
    slug = factory.Sequence(lambda n: f"home-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    introduction = (
        "<p>We define systems leadership as \u201cthe collaborative leadership of many people "
        "at different places in a system, in order to achieve a shared purpose.\u201d</p>"
    )
    sections = factory.LazyFunction(list)


class StandardPageFactory(BasePageFactory):
    """A page of text such as 'Why systems leadership?'."""

    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(home_page)
    body = factory.LazyFunction(body_stream)
