"""Admin wiring for enquiries: who may read them, and the erasure page."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from contact.admin_views import ERASE_PERMISSIONS, EraseSubmissionsView
from contact.models import VIEW_PERMISSION, ContactPage, ContactSubmission
from contact.retention import unsent_since


@hooks.register("register_permissions")
def register_submission_permissions():
    """Let administrators grant a group the right to read, export and delete enquiries."""
    return Permission.objects.filter(
        content_type__app_label="contact",
        codename__in=["view_contactsubmission", "delete_contactsubmission"],
    )


@hooks.register("filter_form_submissions_for_user")
def hide_enquiries_without_permission(user, editable_forms):
    """Editing the contact page is not enough to read what people sent through it."""
    if user.has_perm(VIEW_PERMISSION):
        return editable_forms
    return editable_forms.exclude(content_type=ContentType.objects.get_for_model(ContactPage))


@hooks.register("register_admin_urls")
def register_erasure_url():
    return [
        path("contact/erase/", EraseSubmissionsView.as_view(), name="contact_erase_submissions"),
    ]


class EraseMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(ERASE_PERMISSIONS)


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return EraseMenuItem(
        "Erase enquiries",
        reverse("contact_erase_submissions"),
        name="erase-enquiries",
        icon_name="bin",
        order=900,
    )


NO_RECIPIENTS = (
    "Nobody is set to receive enquiries from this form. Add the addresses in 'Send enquiries to' "
    "under 'Email to the centre', then publish: until then enquiries are stored but not emailed "
    "to anyone, and the ones waiting are sent as soon as the page is published with an address."
)


@hooks.register("content_warnings")
def contact_page_warnings(page):
    if isinstance(page, ContactPage) and not page.recipients():
        return [NO_RECIPIENTS]
    return []


@hooks.register("dashboard_waiting")
def enquiries_waiting():
    """Enquiries stored but not yet emailed to the centre, for the admin's home page."""
    waiting = ContactSubmission.objects.exclude(
        notification_status=ContactSubmission.Notification.SENT
    ).count()
    return [("Enquiries waiting to be sent", waiting, reverse("wagtailforms:index"))]


@hooks.register("background_work_problems")
def enquiries_not_emailed(now, wait):
    """Enquiries whose email has not reached the centre within the longest wait for a task."""
    late = unsent_since(now - wait).count()
    if not late:
        return []
    return [
        f"{late} enquiry email(s) have not reached the centre within {wait.total_seconds() / 60:g} "
        "minutes of being sent: the enquiries are stored (Forms), and are emailed once the worker "
        "and the mail server are working."
    ]
