"""Wagtail's API v2, read-only, at /api/v2/: pages, images and documents, as a visitor sees them.

- pages: live pages open to everyone (a page behind a password or a login is left out, whoever
  asks), with the fields each page type lists in its `api_fields`;
- images: every image outside a private collection;
- documents: exactly those any visitor may download: linked by a live, public page or in a
  collection marked public, not under embargo, not in a private collection
  (publications.documents). Their download_url goes through /documents/, which applies the
  same rules to the file itself.

Answers are JSON only: the browsable HTML view relies on inline code that the site's
Content-Security-Policy forbids. A bad parameter (a control character, an offset past what a
database counts to, an unknown search operator, a date that is no date) answers 400 with
{"message": ...}, as Wagtail's own checks do, before it reaches a query.
"""

from django.core.exceptions import ValidationError
from django.db import models
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from publications.documents import documents_open_to_everyone, restricted_collections

# ---------------------------------------------------------------------------
# Checks on what a caller sends

# Far beyond any listing here, and well inside the 64-bit integers databases count in.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")


def check_parameters(params):
    """Refuse, with a message, the parameters that would break a query rather than answer it."""
    hostile = sorted(
        name
        for name, values in params.lists()
        if not name.isprintable() or any(not value.isprintable() for value in values)
    )
    if hostile:
        names = ", ".join(name if name.isprintable() else repr(name) for name in hostile)
        raise BadRequestError(f"query parameters cannot hold control characters: {names}")
    offset = params.get("offset", "")
    if offset.isdigit() and int(offset) > MAX_OFFSET:
        raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
    operator = params.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    if not params.get("id", "1").isdigit():
        raise BadRequestError("id must be a positive integer")


def check_field_filters(params, model, field_names):
    """A filter on a date (or any field Wagtail passes on unchecked) must be a value of it."""
    for name in field_names:
        if name not in params:
            continue
        try:
            field = model._meta.get_field(name)
        except LookupError:
            continue
        if field.is_relation or isinstance(field, (models.BooleanField, models.IntegerField)):
            continue  # Wagtail checks these itself.
        try:
            field.to_python(params[name])
        except ValidationError as error:
            raise BadRequestError(
                f"field filter error. '{params[name]}' is not a valid value for {name} "
                f"({' '.join(error.messages)})"
            ) from error


class CheckedParameters:
    """Every endpoint checks its parameters before Wagtail reads them."""

    renderer_classes = [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(request.GET)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        fields = self.get_available_fields(queryset.model, db_fields_only=True)
        check_field_filters(self.request.GET, queryset.model, fields)


# ---------------------------------------------------------------------------
# The endpoints


class PublicPagesAPIViewSet(CheckedParameters, PagesAPIViewSet):
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


class PublicImagesAPIViewSet(CheckedParameters, ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


class PrefetchedTagsField(TagsField):
    """A document's tags from the rows fetched with the listing, not one query per document."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class ListedDocumentSerializer(DocumentSerializer):
    tags = PrefetchedTagsField(read_only=True)


class PublicDocumentsAPIViewSet(CheckedParameters, DocumentsAPIViewSet):
    base_serializer_class = ListedDocumentSerializer

    def get_queryset(self):
        # A plain filter on the id, which the search backends can apply to their results.
        visible = documents_open_to_everyone(self.model.objects.all()).values("pk")
        return super().get_queryset().filter(pk__in=visible).prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
