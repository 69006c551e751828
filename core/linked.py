"""Public pages for the people and partner organisations that pages link to."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from core.pagination import paginate
from core.related import linked_ids, pages_linked_to
from core.seo import absolute_url, site_for
from core.structured_data import breadcrumbs, with_context

PER_PAGE = 30


def listing_view(model, lookup_attribute, template, title, description):
    """A view listing every `model` linked to at least one live, public page, by name."""

    @require_GET
    def view(request):
        queryset = model.objects.filter(pk__in=linked_ids(lookup_attribute)).order_by("name")
        items = paginate(request, queryset, PER_PAGE)
        trail = [("Home", home_url(request)), (title, absolute_url(request, request.path))]
        context = {
            "title": title,
            "seo_title": title,
            "meta_description": description,
            "items": items,
            "structured_data": [with_context(breadcrumbs(request, trail))],
            "canonical_url": canonical(request, items.number),
        }
        return cached(TemplateResponse(request, template, context))

    return view


def detail_view(model, lookup_attribute, template, index_url_name, index_title, describe):
    """A view of one `model` and every live, public page linked to it; 404 if there is none.

    `describe(request, obj, url)` gives the object's JSON-LD, whose "description" is also the
    page's meta description.

    Someone named only on drafts or private pages has no public page: their name is not
    published until a page that names them is.
    """

    @require_GET
    def view(request, slug):
        obj = get_object_or_404(model, slug=slug)
        sections = pages_linked_to(lookup_attribute, obj)
        if not sections:
            raise Http404("Nothing published is linked to this name.")
        from django.urls import reverse

        url = absolute_url(request, obj.get_absolute_url())
        trail = [
            ("Home", home_url(request)),
            (index_title, absolute_url(request, reverse(index_url_name))),
            (str(obj), url),
        ]
        context = {
            "object": obj,
            "seo_title": str(obj),
            "meta_description": "",
            "sections": sections,
            "index_url": reverse(index_url_name),
            "index_title": index_title,
            "canonical_url": url,
        }
        description = describe(request, obj, url)
        context["meta_description"] = description.get("description", "")
        context["structured_data"] = [
            with_context(description),
            with_context(breadcrumbs(request, trail)),
        ]
        return cached(TemplateResponse(request, template, context))

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
