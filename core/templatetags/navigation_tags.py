from django import template
from wagtail.models import Site

from core.navigation import main_menu_items

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    items = main_menu_items(site) if site else []
    return {"items": items, "current_path": request.path}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    return {"ancestors": page.breadcrumb_trail(context.get("request"))[:-1], "page": page}
