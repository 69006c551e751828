"""Public pages for the people and partner organisations that pages link to."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from core.pagination import paginate
from core.related import linked_ids, pages_linked_to
from core.seo import absolute_url, site_for
from core.structured_data import breadcrumbs, with_context
from people.models import Partner, Person

PER_PAGE = 30
INDEX_TEMPLATE = "people/profile_index.html"
PROFILE_TEMPLATE = "people/profile_page.html"


def listing_view(model):
    """A view listing every `model` linked to at least one live, public page, by name."""

    @require_GET
    def view(request):
        queryset = model.objects.filter(pk__in=linked_ids(model.lookup_attribute)).order_by("name")
        items = paginate(request, queryset, PER_PAGE)
        title = model.index_title
        trail = [("Home", home_url(request)), (title, absolute_url(request, request.path))]
        context = {
            "title": title,
            "seo_title": title,
            "meta_description": model.index_intro,
            "intro": model.index_intro,
            "empty": model.index_empty,
            "items": items,
            "structured_data": [with_context(breadcrumbs(request, trail))],
            "canonical_url": canonical(request, items.number),
        }
        return cached(TemplateResponse(request, INDEX_TEMPLATE, context))

    return view


def detail_view(model):
    """A view of one `model` and every live, public page linked to it; 404 if there is none.

    Someone named only on drafts or private pages has no public page: their name is not
    published until a page that names them is.
    """

    @require_GET
    def view(request, slug):
        obj = get_object_or_404(model, slug=slug)
        sections = pages_linked_to(model.lookup_attribute, obj)
        if not sections:
            raise Http404("Nothing published is linked to this name.")
        url = absolute_url(request, obj.get_absolute_url())
        index_url = reverse(model.index_url_name)
        trail = [
            ("Home", home_url(request)),
            (model.index_title, absolute_url(request, index_url)),
            (str(obj), url),
        ]
        description = obj.structured_data(request, url)
        context = {
            "object": obj,
            "seo_title": str(obj),
            "meta_description": description.get("description", ""),
            "sections": sections,
            "index_url": index_url,
            "index_title": model.index_title,
            "canonical_url": url,
            "structured_data": [
                with_context(description),
                with_context(breadcrumbs(request, trail)),
            ],
        }
        return cached(TemplateResponse(request, PROFILE_TEMPLATE, context))

    return view


def home_url(request):
    site = site_for(request)
    return site.root_url + "/" if site else absolute_url(request, "/")


def canonical(request, number):
    url = absolute_url(request, request.path)
    return f"{url}?page={number}" if number > 1 else url


def cached(response):
    # The same for every visitor, like the pages they list.
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
    return response


person_index = listing_view(Person)
person_detail = detail_view(Person)
partner_index = listing_view(Partner)
partner_detail = detail_view(Partner)
