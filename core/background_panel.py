"""The admin home page's warning, for staff, when background work is not being done."""

from wagtail.admin.ui.components import Component

from core.background import problems


class BackgroundWorkWarning(Component):
    name = "background_work_warning"
    order = 20
    template_name = "core/admin/background_work_warning.html"

    def __init__(self, found):
        self.found = found

    def get_context_data(self, parent_context):
        return {"problems": self.found}


def background_work_panel(request):
    """The warning, for anyone who signs in to the admin, when something is wrong; else None."""
    found = problems()
    return BackgroundWorkWarning(found) if found else None
