"""Search scenarios run on a real site: the seed content, or pages from the generator."""

from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from devdata.generate import Generator
from tests.search.html import parse


@pytest.fixture(params=["seed", "generated"])
def site_content(request, db):
    """The site the scenarios search, with the scenario's own pages added on top of it."""
    if request.param == "seed":
        call_command("load_seed_content", verbosity=0)
    else:
        Generator(seed=7).generate(24)
        call_command("update_index", verbosity=0)
    from core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def small_site(db):
    """A home page and a few pages of every type, for tests about input rather than content."""
    Generator(seed=3).generate(12)
    call_command("update_index", verbosity=0)
    from core.models import HomePage

    return HomePage.objects.get()


@dataclass
class SearchPage:
    response: object
    dom: object

    @property
    def status(self):
        return self.response.status_code

    @property
    def html(self):
        return self.response.content.decode()

    @property
    def results(self):
        return self.dom.find_all("li", class_="search-result")

    @property
    def titles(self):
        return [r.find("a", class_="search-result__link").text for r in self.results]

    @property
    def count_text(self):
        found = self.dom.find(id="search-result-count")
        return found.text if found else ""

    def facet_links(self, group):
        """{label: (count, url)} for the 'Type' or 'Focus area' facet group."""
        heading = next(h for h in self.dom.find_all("h3") if h.text == group)
        links = {}
        for link in heading.parent.find_all("a", class_="search-facets__link"):
            count = link.find("span", class_="search-facets__count").text.strip("()")
            label = link.text.rsplit(" (", 1)[0]
            links[label] = (int(count), link["href"])
        return links


@pytest.fixture
def search(client):
    """GET the results page with these parameters and parse it."""

    def get(query_string=None, **params):
        url = "/search/"
        if query_string is not None:
            url += query_string if query_string.startswith("?") else "?" + query_string
        elif params:
            url += "?" + urlencode(params)
        response = client.get(url)
        return SearchPage(response, parse(response.content))

    return get
