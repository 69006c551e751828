"""Site-wide admin hooks."""

from django.conf import settings
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from core.background_panel import background_work_panel
from core.editor_help import EditorGuideView, SiteDashboardPanel
from core.site_address import local_default_site

# ---------------------------------------------------------------------------
# The dashboard warns while a production site still calls itself localhost: every absolute link
# (feeds, sitemap, citations, canonical links) would point at the reader's own machine.


class SiteAddressWarning(Component):
    name = "site_address_warning"
    order = 10
    template_name = "core/admin/site_address_warning.html"

    def __init__(self, site, request):
        self.site = site
        self.request = request

    def get_context_data(self, parent_context):
        return {
            "site": self.site,
            "can_edit": self.request.user.has_perm("wagtailcore.change_site"),
            "edit_url": reverse("wagtailsites:edit", args=(self.site.pk,)),
        }


@hooks.register("construct_homepage_panels")
def warn_about_a_local_site_address(request, panels):
    if settings.DEBUG:
        return
    site = local_default_site()
    if site is not None:
        panels.append(SiteAddressWarning(site, request))


@hooks.register("construct_homepage_panels")
def warn_about_background_work(request, panels):
    panel = background_work_panel(request)
    if panel is not None:
        panels.append(panel)


# ---------------------------------------------------------------------------
# Help for staff: this site's dashboard and its editor guide.


@hooks.register("construct_homepage_panels")
def add_site_dashboard(request, panels):
    panels.insert(0, SiteDashboardPanel(request))


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("editor-guide/", EditorGuideView.as_view(), name="editor_guide")]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem("Editor guide", reverse("editor_guide"), icon_name="help", order=100)
