"""The editors' content checks, for the admin's Checks panel."""

from django import template

from core.content_checks import content_warnings

register = template.Library()


@register.simple_tag
def content_checks(page):
    """What the page lacks, judged on the version the panel shows (the latest saved draft)."""
    return content_warnings(page) if page is not None else []
