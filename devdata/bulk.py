"""Many new pages written at once: tree paths worked out here, one INSERT per table per batch.

`Page.add_child` costs several queries and a search-index update for every page, which a
development site of 100,000 pages cannot wait for. Pages written here are live, as if imported:
no revisions and no log entries, and the search index is updated in bulk afterwards.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db import connections, router
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.index import BaseField, RelatedFields
from wagtail.models import Page
from wagtail.search.backends import get_search_backends


class Tree:
    """Places new pages under their parents as treebeard would, without asking the database."""

    def __init__(self):
        self.next_step = {}
        self.added = defaultdict(int)

    def place(self, parent, page):
        """Give `page` its path, depth and URL path as the next child of `parent`."""
        if parent.pk not in self.next_step:
            last = parent.get_last_child()
            self.next_step[parent.pk] = (
                int(last.path[-parent.steplen :], 36) + 1 if last is not None else 1
            )
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        self.added[parent.pk] += 1
        # Its position among its siblings makes the slug unique there by construction.
        page.slug = f"{slugify(page.title)[:60] or 'page'}-{step}"
        page.depth = parent.depth + 1
        page.path = parent._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.first_published_at = page.last_published_at = timezone.now()
        return step

    def count_children(self):
        """Write the parents' child counts for the pages placed since the last call."""
        for parent_pk, number in self.added.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + number)
        self.added.clear()


def insert_pages(pages):
    """Insert placed pages into the page table, then each into its own type's table."""
    # Only the page table's columns are read from the specific pages here.
    Page.objects.bulk_create(pages)
    by_model = defaultdict(list)
    for page in pages:
        page.page_ptr_id = page.id
        by_model[type(page)].append(page)
    for model, objs in by_model.items():
        _insert_own_table(model, objs)


def _insert_own_table(model, objs):
    # Django's bulk_create refuses multi-table models; this is its insert for one table only,
    # the child table that Model.save() would write after the page table.
    using = router.db_for_write(model)
    fields = model._meta.local_concrete_fields
    size = connections[using].ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), size):
        model._base_manager.using(using)._insert(objs[start : start + size], fields=fields)


def insert_links(links):
    """Bulk-create the rows that link pages to what they name: {through model: [rows]}."""
    for model, rows in links.items():
        model.objects.bulk_create(rows, batch_size=1000)


def m2m_rows(page, field_name, targets):
    """Rows of a (parental) many-to-many field's through table for one page."""
    field = type(page)._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    return through, [
        through(**{f"{source}_id": page.pk, f"{target}_id": item.pk}) for item in targets
    ]


@contextmanager
def values_read_once():
    """Within it, a search field's value for one object is worked out once, not once per use.

    The database backends read every field again for each column they fill (three on SQLite,
    five on PostgreSQL), and turning a StreamField into text is the costly part of indexing.
    """
    read = BaseField.get_value
    memo = {}

    def get_value(field, obj):
        key = (id(field), id(obj))
        if key not in memo:
            memo[key] = (obj, read(field, obj))  # holding obj keeps its id from being reused
        return memo[key][1]

    BaseField.get_value = get_value
    try:
        yield memo
    finally:
        BaseField.get_value = read


def index_pages(models, after_pk, bar, chunk_size=500):
    """Add the pages of `models` with a primary key above `after_pk` to every search backend."""
    backends = list(get_search_backends(with_auto_update=True))
    with values_read_once() as memo:
        for model in models:
            _index_model(model, after_pk, backends, bar, chunk_size, memo)


def _index_model(model, after_pk, backends, bar, chunk_size, memo):
    queryset = (
        model.get_indexed_objects()
        .prefetch_related(*related_paths(model.get_search_fields()))
        .order_by("pk")
    )
    last = after_pk
    while chunk := list(queryset.filter(pk__gt=last)[:chunk_size]):
        for backend in backends:
            backend.add_bulk(model, chunk)
        last = chunk[-1].pk
        memo.clear()
        bar.update(len(chunk))


def related_paths(search_fields, prefix=""):
    """Every relation the index reads, nested ones too, to prefetch them once per chunk.

    The backends prefetch only the first level, and not parental many-to-many fields at all,
    which costs a query per page and relation: most of the time of indexing 100,000 pages.
    """
    for field in search_fields:
        if isinstance(field, RelatedFields):
            path = f"{prefix}{field.field_name}"
            yield path
            yield from related_paths(field.fields, f"{path}__")
