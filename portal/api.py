"""Wagtail's API v2, read-only, at /api/v2/: pages, images and documents, as a visitor sees them.

- pages: live pages open to everyone (a page behind a password or a login is left out, whoever
  asks), with the fields each page type lists in its `api_fields`;
- images: every image outside a private collection;
- documents: exactly those any visitor may download: linked by a live, public page or in a
  collection marked public, not under embargo, not in a private collection
  (publications.documents). Their download_url goes through /documents/, which applies the
  same rules to the file itself.

Answers are JSON only: the browsable HTML view relies on inline code that the site's
Content-Security-Policy forbids.
"""

from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from publications.documents import documents_open_to_everyone, restricted_collections

# ---------------------------------------------------------------------------
# The endpoints


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]

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


class PrefetchedTagsField(TagsField):
    """A document's tags from the rows fetched with the listing, not one query per document."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class ListedDocumentSerializer(DocumentSerializer):
    tags = PrefetchedTagsField(read_only=True)


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    renderer_classes = [JSONRenderer]
    base_serializer_class = ListedDocumentSerializer

    def get_queryset(self):
        # A plain filter on the id, which the search backends can apply to their results.
        visible = documents_open_to_everyone(self.model.objects.all()).values("pk")
        return super().get_queryset().filter(pk__in=visible).prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
