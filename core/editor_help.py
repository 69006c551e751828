"""What the admin's home page and help menu give staff: this site's dashboard and editor guide."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState, get_page_models

from core.content_checks import content_warnings

# Pages looked at for content checks: the most recently changed, so the panel stays quick.
CHECKED_PAGES = 100


def add_shortcuts(user):
    """[(label, url)] to add each kind of content under the page it belongs to."""
    shortcuts = []
    for model in get_page_models():
        if not getattr(model, "is_content_type", False) or model._meta.abstract:
            continue
        parents = [m for m in model.clean_parent_page_models() if m is not Page]
        parent = next((m.objects.first() for m in parents if m.objects.exists()), None)
        if parent is None or not parent.permissions_for_user(user).can_add_subpage():
            continue
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        name = model._meta.verbose_name
        shortcuts.append((f"Add {'an' if name[:1] in 'aeiou' else 'a'} {name}", url))
    return sorted(shortcuts)


def pages_failing_checks():
    """[(page, warnings)] for recently changed pages that a content check warns about."""
    pages = (
        Page.objects.exclude(depth=1)
        .order_by("-latest_revision_created_at")
        .specific()[:CHECKED_PAGES]
    )
    return [(page, warnings) for page in pages if (warnings := content_warnings(page))]


class SiteDashboardPanel(Component):
    """Shortcuts and what is waiting for staff, on the admin's home page."""

    name = "site_dashboard"
    order = 50
    template_name = "core/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        waiting = [row for rows in hooks.get_hooks("dashboard_waiting") for row in rows()]
        return {
            "shortcuts": add_shortcuts(self.request.user),
            "awaiting_moderation": WorkflowState.objects.active()
            .select_related("base_content_type")
            .order_by("created_at")[:10],
            "waiting": waiting,
            "failing": pages_failing_checks(),
            "guide_url": reverse("editor_guide"),
        }


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """A short guide to editing this site, in the admin."""

    template_name = "core/admin/editor_guide.html"
    page_title = "Editor guide"
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]
