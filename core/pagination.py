from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from core.fragments import kept_for_query


class ListedRows:
    """A listing's queryset as the paginator reads it, in a cost that hardly grows with it:
    counted once per change of the site's content, and a page of it found as ordered ids first
    (narrow rows to sort), then read in full for those ids only."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return kept_for_query("listing-count", self.queryset, self.queryset.count)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        ids = list(self.queryset.prefetch_related(None).values_list("pk", flat=True)[key])
        rows = {row.pk: row for row in self.queryset.filter(pk__in=ids).order_by()}
        return [rows[pk] for pk in ids if pk in rows]


def paginate(request, items, per_page):
    """One page of `items` from `?page=`; anything but a page that exists is a 404."""
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw if raw.strip() else 1)
    except (PageNotAnInteger, EmptyPage, ValueError) as error:
        raise Http404("There is no such page of results.") from error
