"""People and partners in the admin: snippets, with choosers that can add a new one in place."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.models import Partner, Person


class PersonChooserViewSet(SnippetChooserViewSet):
    # Enough to name someone on the page being edited; the photo can follow in the full form.
    form_fields = ["honorific", "name", "role", "organisation"]
    create_action_label = "Add this person"
    creation_tab_label = "New person"


class PartnerChooserViewSet(SnippetChooserViewSet):
    form_fields = ["name", "url"]
    create_action_label = "Add this partner"
    creation_tab_label = "New partner"


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    chooser_viewset_class = PersonChooserViewSet


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    chooser_viewset_class = PartnerChooserViewSet


register_snippet(PersonViewSet)
register_snippet(PartnerViewSet)
