"""Keep the spelling vocabulary in step with the pages: any change to a page marks it stale.

Marking is a cache write, cheap enough for every save; the vocabulary is rebuilt once, when a
suggestion is next needed. The search index itself is kept current by Wagtail's own handlers.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from search import vocabulary


def _page_changed(sender, instance=None, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        vocabulary.mark_stale()


def _published(sender, **kwargs):
    vocabulary.mark_stale()


def connect():
    post_save.connect(_page_changed, dispatch_uid="search-vocabulary-save")
    post_delete.connect(_page_changed, dispatch_uid="search-vocabulary-delete")
    page_published.connect(_published, dispatch_uid="search-vocabulary-published")
    page_unpublished.connect(_published, dispatch_uid="search-vocabulary-unpublished")
