"""The main menu, built once and kept in the cache until an editor changes a page or the menu."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from core.site_settings import MainMenu, MainMenuItem

CACHE_KEY = "main-menu:{site_id}"


def main_menu_items(site):
    """[(text, url)] for the site's main menu."""
    key = CACHE_KEY.format(site_id=site.pk)
    items = cache.get(key)
    if items is None:
        menu = MainMenu.for_site(site)
        items = [
            (item.text, item.page.get_url(current_site=site) if item.page else item.link_url)
            for item in menu.items.select_related("page").order_by("sort_order")
            if item.page is None or item.page.live
        ]
        if menu.pk is not None:  # unsaved defaults (a read-only database) are tried again
            cache.set(key, items, None)
    return items


def clear_menu_cache(**kwargs):
    cache.delete_many(
        [CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)]
    )


def connect():
    page_published.connect(clear_menu_cache, dispatch_uid="menu-published")
    page_unpublished.connect(clear_menu_cache, dispatch_uid="menu-unpublished")
    for model in (MainMenu, MainMenuItem):
        post_save.connect(
            clear_menu_cache, sender=model, dispatch_uid=f"menu-save-{model.__name__}"
        )
        post_delete.connect(
            clear_menu_cache, sender=model, dispatch_uid=f"menu-del-{model.__name__}"
        )
