"""Factory for the contact page, with the default form fields."""

import factory

from contact.models import ContactFormField, ContactPage
from core.factories import BasePageFactory, home_page, rich_text

DEFAULT_FIELDS = [
    # (label, field_type, required)
    ("Name", "singleline", True),
    ("Email", "email", True),
    ("Organisation", "singleline", False),
    ("Message", "multiline", True),
]


def default_form_fields():
    return [
        ContactFormField(sort_order=i, label=label, field_type=field_type, required=required)
        for i, (label, field_type, required) in enumerate(DEFAULT_FIELDS)
    ]


class ContactPageFactory(BasePageFactory):
    """The contact form, with name, email, organisation and message fields."""

    class Meta:
        model = ContactPage

    title = "Contact us"
    slug = "contact"
    parent = factory.LazyFunction(home_page)
    introduction = factory.LazyFunction(lambda: rich_text(1))
    thank_you_text = "<p>Thank you. Your message has reached the centre.</p>"
    to_address = "centre@example.ac.uk"
    from_address = "portal@example.ac.uk"
    subject = "Enquiry from the website"
    form_fields = factory.LazyFunction(default_form_fields)
