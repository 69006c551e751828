from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page):
    """One page of `items` from `?page=`; anything but a page that exists is a 404."""
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw if raw.strip() else 1)
    except (PageNotAnInteger, EmptyPage, ValueError) as error:
        raise Http404("There is no such page of results.") from error
