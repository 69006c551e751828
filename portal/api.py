"""Wagtail's API v2, read-only, at /api/v2/: pages, images and documents, as a visitor sees them.

- pages: live pages open to everyone (a page behind a password or a login is left out, whoever
  asks), with the fields of each page type listed in PAGE_FIELDS;
- images: every image outside a private collection;
- documents: only those a visitor may download: not under embargo, not in a private collection,
  and used by no page or by at least one live, public page (publications.wagtail_hooks). Their
  download_url goes through /documents/, which applies the same rules to the file itself.

Answers are JSON only: the browsable HTML view relies on inline code that the site's
Content-Security-Policy forbids.
"""

from rest_framework.fields import CharField, DateField, Field, ReadOnlyField
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.models import BasePage, HomePage, ListingPage, StandardPage
from focus_areas.models import FocusAreaPage
from interviews.models import InterviewPage
from programmes.models import ProgrammePage
from publications.documents import restricted_collections, visible_documents
from publications.models import PublicationPage
from viewpoints.models import ViewpointPage

# ---------------------------------------------------------------------------
# Fields that need more than the value in the database


def person_data(person, request):
    return {
        "id": person.pk,
        "name": person.full_name,
        "role": person.role,
        "organisation": person.organisation,
        "html_url": get_full_url(request, person.get_absolute_url()),
    }


class PersonField(Field):
    """A leader or an author: their name and what they do, not a link into the snippets."""

    def to_representation(self, person):
        return person_data(person, self.context["request"])


class AuthorsField(Field):
    """A publication's authors, in the editors' order."""

    def to_representation(self, authors):
        request = self.context["request"]
        return [person_data(author.person, request) for author in authors.all()]


class PartnersField(Field):
    def to_representation(self, partners):
        request = self.context["request"]
        return [
            {
                "id": partner.pk,
                "name": partner.name,
                "url": partner.url,
                "html_url": get_full_url(request, partner.get_absolute_url()),
            }
            for partner in partners.all()
        ]


class LivePagesField(Field):
    """Linked pages (such as focus areas), leaving out any that a visitor cannot open."""

    def to_representation(self, pages):
        request = self.context["request"]
        return [
            {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}
            for page in pages.all()
            if page.live
        ]


class ReleasedDocumentField(Field):
    """A publication's file, or null while its embargo holds."""

    def get_attribute(self, publication):
        return publication

    def to_representation(self, publication):
        document = publication.document
        if document is None or publication.embargo_active:
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "download_url": get_full_url(self.context["request"], document.url),
        }


def focus_areas():
    return APIField("focus_areas", serializer=LivePagesField())


# Per page type (a page has the fields of its type and of the types it is built on).
PAGE_FIELDS = {
    BasePage: [
        APIField("summary"),
        APIField("listing_image"),
        APIField(
            "listing_image_card",
            serializer=ImageRenditionField("fill-960x540|format-jpeg", source="listing_image"),
        ),
    ],
    ListingPage: [APIField("introduction")],
    HomePage: [APIField("introduction"), APIField("sections")],
    StandardPage: [APIField("body")],
    FocusAreaPage: [APIField("body")],
    ProgrammePage: [
        APIField("body"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("period", serializer=ReadOnlyField()),
        # Worked out from the dates today, not the editors' fallback stored in `status`.
        APIField("current_status", serializer=CharField()),
        APIField("status_label", serializer=CharField()),
        APIField("place"),
        APIField("audience"),
        APIField("partners", serializer=PartnersField()),
        focus_areas(),
    ],
    InterviewPage: [
        APIField("question"),
        APIField("leader", serializer=PersonField()),
        APIField("video_url"),
        APIField("video_file"),
        APIField("captions_file"),
        APIField("video_description"),
        APIField("transcript"),
        focus_areas(),
    ],
    ViewpointPage: [
        APIField("author", serializer=PersonField()),
        APIField("author_name", serializer=CharField()),
        APIField("date", serializer=DateField()),
        APIField("body"),
        APIField("tags"),
        focus_areas(),
    ],
    PublicationPage: [
        APIField("kind"),
        APIField("year"),
        APIField("authors", serializer=AuthorsField()),
        APIField("doi"),
        APIField("external_url"),
        APIField("body"),
        APIField("document", serializer=ReleasedDocumentField()),
        APIField("embargoed"),
        APIField("embargo_end"),
        APIField("embargo_active", serializer=ReadOnlyField()),
        APIField("released_on", serializer=ReadOnlyField()),
        focus_areas(),
    ],
}


def page_fields(model):
    """The API fields of a page type, from the most general type it is built on down."""
    return [field for klass in reversed(model.__mro__) for field in PAGE_FIELDS.get(klass, [])]


# ---------------------------------------------------------------------------
# The endpoints


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + page_fields(model)

    def get_base_queryset(self):
        # Pages open only to those with a password or a login stay out, whoever asks.
        return super().get_base_queryset().public()

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.query.can_filter():  # not a search's results, which cannot be changed
            # `fields=*` includes each page's locale.
            queryset = queryset.select_related("locale")
        model = queryset.model
        if hasattr(model, "for_cards"):
            # One page type asked for: its people, partners and images in bulk, not per page.
            queryset = model.for_cards(queryset)
            if any(field.name == "focus_areas" for field in model._meta.many_to_many):
                queryset = queryset.prefetch_related("focus_areas")
        return queryset


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    renderer_classes = [JSONRenderer]

    def get_queryset(self):
        # A plain filter on the id, which the search backends can apply to their results.
        visible = visible_documents(self.model.objects.all()).values("pk")
        return super().get_queryset().filter(pk__in=visible)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
