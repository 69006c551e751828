"""Admin views for enquiries: the submissions list made safe to export, and erasure by address."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.views import SubmissionsListView

from contact.retention import submissions_from

ERASE_PERMISSIONS = ("contact.view_contactsubmission", "contact.delete_contactsubmission")

# A spreadsheet reads a cell starting with one of these as a formula: an enquirer could make a
# link or a calculation run on a member of staff's computer.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ContactSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list, with answers that look like formulas exported as plain text."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if (
            export_format == self.FORMAT_CSV
            and isinstance(value, str)
            and value.startswith(FORMULA_STARTS)
        ):
            return "'" + value
        return value


class ErasureForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="Finds every enquiry sent from this address, whatever its capitals.",
        error_messages={
            "required": "Enter the email address to erase.",
            "invalid": "Enter an email address in the right format, like name@example.com.",
        },
    )


class EraseSubmissionsView(WagtailAdminTemplateMixin, FormView):
    """Find, then delete, every enquiry sent from one email address (a request for erasure)."""

    template_name = "contact/admin/erase_submissions.html"
    form_class = ErasureForm
    page_title = "Erase enquiries"
    header_icon = "bin"
    # Addresses travel by POST, so they stay out of server logs and browser history.
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(ERASE_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        matches = submissions_from(email)
        confirmed = self.request.POST.get("confirm") == "1"
        if "erase" in self.request.POST and confirmed:
            count, _ = matches.delete()
            messages.success(
                self.request, f"Deleted {count} enquir{'y' if count == 1 else 'ies'} from {email}."
            )
            return redirect(reverse("contact_erase_submissions"))
        return self.render_to_response(
            self.get_context_data(
                form=form,
                email=email,
                matches=list(matches.select_related("page").order_by("-submit_time")),
                searched=True,
                # Erasure cannot be undone: a click on Delete alone is not enough.
                confirm_missing="erase" in self.request.POST,
            )
        )
