"""The main menu is built once, kept in the cache, and rebuilt when editors change things."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core.factories import StandardPageFactory
from core.models import MainMenu, MainMenuItem
from core.navigation import CACHE_KEY, main_menu_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def menu(site, home, programme_index, contact_page):
    menu = MainMenu.for_site(site)
    MainMenuItem.objects.create(menu=menu, page=programme_index, sort_order=0)
    MainMenuItem.objects.create(menu=menu, page=contact_page, label="Contact", sort_order=1)
    cache.clear()
    return menu


def cache_key(site):
    return CACHE_KEY.format(site_id=site.pk)


def menu_links(response):
    content = response.content.decode()
    nav = content[content.index('<nav class="main-nav"') : content.index("</nav>")]
    return nav


def test_the_menu_lists_the_editors_items_in_order(client, menu, programme_index, contact_page):
    response = client.get("/")

    nav = menu_links(response)
    assert f'href="{programme_index.url}"' in nav
    assert ">Contact</a>" in nav
    assert nav.index(programme_index.title) < nav.index(">Contact<")


def test_the_menu_is_built_once_then_read_from_the_cache(menu, site):
    with CaptureQueriesContext(connection) as first:
        items = main_menu_items(site)
    with CaptureQueriesContext(connection) as second:
        again = main_menu_items(site)

    assert len(first.captured_queries) > 0
    assert len(second.captured_queries) == 0
    assert again == items == [("Programmes", "/programmes/"), ("Contact", "/contact/")]


def test_a_second_page_view_makes_fewer_queries(client, menu):
    client.get("/")  # renditions, settings and the like are made once
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get("/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/")

    assert len(warm.captured_queries) < len(cold.captured_queries)
    assert not any("core_mainmenu" in q["sql"] for q in warm.captured_queries)


def test_publishing_a_page_clears_the_menu(client, menu, site, programme_index):
    main_menu_items(site)
    assert cache.get(cache_key(site)) is not None

    programme_index.title = "Leadership programmes"
    programme_index.save_revision().publish()

    assert cache.get(cache_key(site)) is None
    assert ">Leadership programmes</a>" in menu_links(client.get("/"))


def test_unpublishing_a_page_takes_it_out_of_the_menu(client, menu, site, contact_page):
    main_menu_items(site)
    assert cache.get(cache_key(site)) is not None

    contact_page.unpublish()

    assert cache.get(cache_key(site)) is None
    assert ">Contact</a>" not in menu_links(client.get("/"))


def test_changing_the_menu_clears_it(client, menu, site, home):
    main_menu_items(site)
    why = StandardPageFactory(parent=home, title="Why systems leadership?")
    cache.clear()
    main_menu_items(site)
    assert cache.get(cache_key(site)) is not None

    MainMenuItem.objects.create(menu=menu, page=why, sort_order=2)

    assert cache.get(cache_key(site)) is None
    assert ">Why systems leadership?</a>" in menu_links(client.get("/"))


def test_removing_a_menu_item_clears_it(client, menu, site):
    main_menu_items(site)
    assert cache.get(cache_key(site)) is not None

    menu.items.get(label="Contact").delete()

    assert cache.get(cache_key(site)) is None
    assert ">Contact</a>" not in menu_links(client.get("/"))


def test_saving_the_menu_clears_it(menu, site):
    main_menu_items(site)
    assert cache.get(cache_key(site)) is not None

    menu.save()

    assert cache.get(cache_key(site)) is None
