"""Pages for people: everything a leader or author is named on."""

from core.linked import detail_view, listing_view
from core.sitemaps import LinkedSitemap
from core.structured_data import person as person_data
from interviews.models import Person


def describe(request, person, url):
    who = ", ".join(part for part in (person.full_name, person.role_and_organisation) if part)
    return {
        **person_data(request, person),
        "url": url,
        "description": f"{who}: interviews, viewpoints and publications.",
    }


person_index = listing_view(
    Person,
    "people_lookup",
    "interviews/person_index.html",
    "People",
    "The leaders interviewed and the authors of viewpoints and publications.",
)
person_detail = detail_view(
    Person, "people_lookup", "interviews/person_page.html", "person_index", "People", describe
)


class PeopleSitemap(LinkedSitemap):
    model = Person
    lookup_attribute = "people_lookup"
