"""Site-wide admin hooks."""

from django.contrib import messages
from wagtail import hooks

# ---------------------------------------------------------------------------
# Content checks: warnings to editors about what a page lacks, shown in the admin.
#
# Each app registers a "content_warnings" hook: a function of a page that returns the warnings
# for it (an empty list for pages of other types). They are shown as warning messages when a
# page is opened for editing, and after it is saved, published or submitted, wherever the
# editor lands. They warn and never block: publishing rules are the models' own validation.


def content_warnings(page):
    return [warning for check in hooks.get_hooks("content_warnings") for warning in check(page)]


def warn_editor(request, page):
    if not request.accepts("text/html"):
        # Autosave and other background saves: the editor sees the next full page instead.
        return
    warnings = content_warnings(page)
    if not warnings:
        return
    storage = messages.get_messages(request)
    # A save that stays in the editor redirects to it: the warnings from the save are then
    # still waiting, and are not repeated. Reading them marks them seen; undo that.
    waiting = {str(message) for message in storage}
    storage.used = False
    for warning in warnings:
        if warning not in waiting:
            messages.warning(request, warning)


@hooks.register("before_edit_page")
def warn_on_opening_the_editor(request, page):
    if request.method == "GET":
        warn_editor(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_after_saving(request, page):
    warn_editor(request, page)
