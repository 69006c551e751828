"""Serializers for API fields that need more than the value in the database, shared by page types.

Each page type lists its fields in `api_fields` (Wagtail's API v2); these turn related people and
pages into what a visitor may see of them.
"""

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.utils import get_full_url


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


class LivePagesField(Field):
    """Linked pages (such as focus areas), leaving out any that a visitor cannot open."""

    def to_representation(self, pages):
        request = self.context["request"]
        return [
            {"id": page.pk, "title": page.title, "html_url": page.get_full_url(request)}
            for page in pages.all()
            if page.live
        ]


def focus_areas_field():
    """The focus areas a page is tagged with."""
    return APIField("focus_areas", serializer=LivePagesField())
