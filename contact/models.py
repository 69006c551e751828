"""The contact form, whose fields staff edit in the admin, and the enquiries it keeps."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from contact.forms import HONEYPOT_NAME, RESERVED_NAMES, TOKEN_NAME, ContactFormBuilder
from contact.pipeline import handle_post, send_waiting_for_recipients, store_submission
from contact.spam import make_token
from contact.submissions import ContactSubmission
from core.forms import SummaryRequiredMixin
from core.models import BasePage

VIEW_PERMISSION = "contact.view_contactsubmission"


class ContactFormField(AbstractFormField):
    """One question on the contact form."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # Wagtail's own panels, with help on the three that have none.
    panels = [
        FieldPanel("label"),
        FieldPanel(
            "help_text", help_text="Shown under the question: what to write, or why we ask it."
        ),
        FieldPanel("required", help_text="Ticked: the form cannot be sent without an answer."),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text="The kind of answer: a line, a paragraph, an email address, a choice...",
        ),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]

    def clean(self):
        super().clean()
        if (self.clean_name or self.get_field_clean_name()) in RESERVED_NAMES:
            message = f"The form itself uses the name \u201c{self.label}\u201d: choose another."
            raise ValidationError({"label": message})


class ContactSubmissionsPanel(FormSubmissionsPanel):
    """The count of enquiries, shown only to staff allowed to read them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm(VIEW_PERMISSION) and super().is_shown()


class ContactPageForm(SummaryRequiredMixin, WagtailAdminFormPageForm):
    """The form builder's admin form, with the summary every page needs to be published."""


class ContactPage(AbstractEmailForm, BasePage):
    """The contact form: enquiries are stored, then emailed to the people staff choose."""

    listing_label = "Contact"
    is_content_type = False
    # The form carries the visitor's CSRF token: rendered afresh for every visitor.
    fragment_cacheable = False

    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1
    form_builder = ContactFormBuilder
    base_form_class = ContactPageForm

    # --- What the visitor reads
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Above the form: what to send and when to expect an answer.",
    )
    thank_you_text = RichTextField(
        blank=True, help_text="Shown after sending: say what happens next."
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The words \u201cprivacy notice\u201d in a tick-box label link to this page.",
    )

    # --- Who is told about each enquiry
    to_address = models.CharField(
        "send enquiries to",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text="One or more addresses, separated by commas. Replies go to the enquirer.",
    )

    # --- Personal data
    retention_months = models.PositiveSmallIntegerField(
        "keep enquiries for (months)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Older enquiries are deleted every night.",
    )

    content_panels = BasePage.content_panels + [
        ContactSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "from_address",
                            help_text="The sender of the emails; the enquirer is the reply-to.",
                        ),
                        FieldPanel("subject", help_text="The subject line of each email."),
                    ]
                ),
            ],
            heading="Email to the centre",
        ),
        MultiFieldPanel([FieldPanel("retention_months")], heading="Personal data"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    # --- The form

    def get_form(self, *args, **kwargs):
        if self.privacy_notice_id:
            notice = self.privacy_notice
            kwargs.setdefault("privacy_url", notice.url if notice.live else None)
        return super().get_form(*args, **kwargs)

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        # Wagtail's admin views cannot be imported while models load.
        from contact.admin_views import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_data_fields(self):
        # Whether the centre was emailed comes straight after the date, where staff see it
        # without scrolling past long answers.
        date, *answers = super().get_data_fields()
        return [date, ("notification", "Email to the centre"), *answers]

    def recipients(self):
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def enquirer_email_field(self):
        """The clean name of the first email question: its answer is where replies go."""
        for field in self.get_form_fields():
            if field.field_type == "email":
                return field.clean_name
        return None

    # --- Serving

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            response = handle_post(self, request)
            # The answer repeats what the visitor typed: no cache may keep it.
            patch_cache_control(response, private=True, no_store=True)
        else:
            response = self.render_form(request, self.get_form(page=self, user=request.user))
            # The form carries a CSRF token for this visitor: never cache it in a shared cache.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def render_form(self, request, form, status=200, notice=""):
        context = self.get_context(request)
        context.update(
            form=form,
            notice=notice,
            form_token=make_token(self),
            token_name=TOKEN_NAME,
            honeypot_name=HONEYPOT_NAME,
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        return store_submission(self, form)


def on_page_published(sender, instance, **kwargs):
    # A signal, not an admin hook: scheduled publishing sets the address too.
    if isinstance(instance, ContactPage):
        send_waiting_for_recipients(instance)
