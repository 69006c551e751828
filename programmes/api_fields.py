"""How a programme's partners appear in the API."""

from rest_framework.fields import Field
from wagtail.api.utils import get_full_url


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
