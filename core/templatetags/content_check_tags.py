"""The editors' content checks, for the admin's Checks panel."""

from django import template

register = template.Library()


@register.simple_tag
def content_checks(page):
    """What the page lacks, judged on the version the panel shows (the latest saved draft)."""
    from core.wagtail_hooks import content_warnings

    return content_warnings(page) if page is not None else []
