"""The contact form, whose fields staff edit in the admin."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import BasePage


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm, BasePage):
    """The contact form: enquiries are stored and sent to the people staff choose."""

    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        blank=True, help_text="Shown after sending: say what happens next."
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The form carries a CSRF token for this visitor: never cache it in a shared cache.
        response["Cache-Control"] = "private, no-cache"
        return response
