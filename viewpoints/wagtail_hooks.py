"""Editors' content check for viewpoints: say when no author is named.

Shown in the admin by the "content_warnings" hook (see core/content_checks.py).
"""

from wagtail import hooks

from viewpoints.models import ViewpointPage

NO_AUTHOR = (
    "This viewpoint has no author, so it is credited to the Centre for Health and Social Care "
    "Leadership. Choose its author if a person wrote it."
)


@hooks.register("content_warnings")
def viewpoint_warnings(page):
    if isinstance(page, ViewpointPage) and page.author_id is None:
        return [NO_AUTHOR]
    return []
