"""The main menu, built once and kept in the cache until an editor changes a page or the menu."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

CACHE_KEY = "main-menu:{site_id}"

BAD_ADDRESS = (
    "Give an address on this site starting with / (such as /people/), or a whole address "
    "starting with https:// (such as https://www.example.ac.uk/)."
)
_outside_address = URLValidator(schemes=["http", "https"], message=BAD_ADDRESS)


def validate_menu_address(value):
    """A menu address is a path on this site or a web address elsewhere; nothing else."""
    if any(character.isspace() for character in value):
        raise ValidationError(BAD_ADDRESS)
    # "//host/" is another site with the visitor's scheme: ask for the whole address instead.
    if value.startswith("/") and not value.startswith("//"):
        return
    _outside_address(value)


def main_menu_items(site):
    """[(text, url)] for the site's main menu."""
    from core.site_settings import MainMenu

    key = CACHE_KEY.format(site_id=site.pk)
    items = cache.get(key)
    if items is None:
        menu = MainMenu.for_site(site)
        items = [
            (item.text, item.page.get_url(current_site=site) if item.page else item.link_url)
            for item in menu.items.select_related("page").order_by("sort_order")
            if item.page is None or item.page.live
        ]
        cache.set(key, items, None)
    return items


def clear_menu_cache(**kwargs):
    from wagtail.models import Site

    cache.delete_many(
        [CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)]
    )


def connect():
    from core.site_settings import MainMenu, MainMenuItem

    page_published.connect(clear_menu_cache, dispatch_uid="menu-published")
    page_unpublished.connect(clear_menu_cache, dispatch_uid="menu-unpublished")
    for model in (MainMenu, MainMenuItem):
        post_save.connect(
            clear_menu_cache, sender=model, dispatch_uid=f"menu-save-{model.__name__}"
        )
        post_delete.connect(
            clear_menu_cache, sender=model, dispatch_uid=f"menu-del-{model.__name__}"
        )
