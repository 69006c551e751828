"""Seed content for the contact page, called by `manage.py load_seed_content`."""

from contact.models import ContactFormField, ContactPage

DEFAULT_FIELDS = [
    # (label, field_type, required, choices, help_text)
    ("Name", "singleline", True, "", ""),
    ("Email", "email", True, "", "We reply to this address."),
    ("Organisation", "singleline", False, "", ""),
    ("Message", "multiline", True, "", ""),
]


def seed_contact_page(home):
    """Create the contact page under `home` if it does not exist; return it."""
    existing = ContactPage.objects.child_of(home).filter(slug="contact").first()
    if existing:
        return existing, False
    page = ContactPage(
        title="Contact us",
        slug="contact",
        introduction="<p>Contact the Centre for Health and Social Care Leadership.</p>",
        thank_you_text="<p>Thank you. Your message has reached the centre.</p>",
    )
    for order, (label, field_type, required, choices, help_text) in enumerate(DEFAULT_FIELDS):
        page.form_fields.add(
            ContactFormField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
