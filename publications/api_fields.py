"""How a publication's authors and file appear in the API."""

from rest_framework.fields import Field
from wagtail.api.utils import get_full_url

from core.api_fields import person_data


class AuthorsField(Field):
    """A publication's authors, in the editors' order."""

    def to_representation(self, authors):
        request = self.context["request"]
        return [person_data(author.person, request) for author in authors.all()]


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
