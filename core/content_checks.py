"""Content checks: warnings to editors about what a page lacks."""

from wagtail import hooks

# Each app registers a "content_warnings" hook: a function of a page that returns the warnings
# for it (an empty list for pages of other types). The editor's Checks panel lists them for the
# last saved version of the page (templates/wagtailadmin/shared/side_panels/checks.html). They
# are never queued as messages: an autosave in the background would leave a warning standing
# after the editor had fixed what it was about. They warn and never block: publishing rules are
# the models' own validation.


def content_warnings(page):
    return [warning for check in hooks.get_hooks("content_warnings") for warning in check(page)]
