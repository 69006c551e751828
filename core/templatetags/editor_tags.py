"""The userbar tag public templates use: Wagtail's, only where the page was served to an editor."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from core.userbar import shows_userbar

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    request = context.get("request")
    if request is None or not shows_userbar(request):
        return ""
    return wagtailuserbar(context)


@register.simple_tag
def admin_site_name():
    return settings.WAGTAIL_SITE_NAME
