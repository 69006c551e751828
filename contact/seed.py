"""Seed content for the contact page and its privacy notice, called by `load_seed_content`.

Pages that exist are kept as editors left them; only missing ones are created and published.
"""

from contact.models import ContactFormField, ContactPage
from core.models import StandardPage

TOPICS = ["Programmes", "Research collaboration", "Evaluation", "Media", "Other"]

DEFAULT_FIELDS = [
    # (name, label, field_type, required, choices, help_text)
    ("name", "Name", "singleline", True, "", ""),
    ("email", "Email address", "email", True, "", "We reply to this address."),
    ("organisation", "Organisation", "singleline", False, "", ""),
    ("topic", "What is your enquiry about?", "dropdown", True, "\n".join(TOPICS), ""),
    ("message", "Message", "multiline", True, "", ""),
    (
        "consent",
        "I agree that the centre may keep my details to answer this enquiry, as the privacy "
        "notice explains",
        "checkbox",
        True,
        "",
        "",
    ),
]

PRIVACY_SLUG = "privacy"


def seed_contact_page(home):
    """Create the contact page (and its privacy notice) under `home` if missing; return it."""
    existing = ContactPage.objects.child_of(home).filter(slug="contact").first()
    if existing:
        seed_privacy_notice(home, existing)
        return existing, False
    page = ContactPage(
        title="Contact us",
        slug="contact",
        summary="Send the Centre for Health and Social Care Leadership an enquiry.",
        introduction=(
            "<p>Ask us about our leadership programmes, research collaboration or evaluation, "
            "or send a media enquiry. Fields are required unless marked optional.</p>"
        ),
        thank_you_text=(
            "<p>Thank you for contacting the Centre for Health and Social Care Leadership.</p>"
        ),
        subject="Enquiry from the Systems Leadership website",
    )
    for order, (name, label, field_type, required, choices, help_text) in enumerate(DEFAULT_FIELDS):
        page.form_fields.add(
            ContactFormField(
                sort_order=order,
                clean_name=name,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
        )
    home.add_child(instance=page)
    page.privacy_notice = seed_privacy_notice(home, page)
    page.save_revision().publish()
    # Publishing saved a copy: hand back the page as it now is.
    return ContactPage.objects.get(pk=page.pk), True


def seed_privacy_notice(home, contact):
    """The privacy notice for enquiries, at /privacy/; created if missing, else kept."""
    existing = StandardPage.objects.child_of(home).filter(slug=PRIVACY_SLUG).first()
    if existing:
        return existing
    page = StandardPage(
        title="Privacy notice",
        slug=PRIVACY_SLUG,
        summary="What happens to the details you send through the contact form.",
        body=privacy_body(contact),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def privacy_body(contact):
    link = f'<a linktype="page" id="{contact.pk}">contact form</a>'
    months = contact.retention_months
    sections = [
        (
            None,
            "<p>This notice explains what the Centre for Health and Social Care Leadership does "
            f"with the details you send through its {link}.</p>",
        ),
        (
            "What we keep",
            "<p>What you type into the form: your name, your email address, your organisation "
            "if you give it, what your enquiry is about and your message, with the date and "
            "time you sent it.</p>"
            "<p>To stop automated spam, the website counts how many messages come from one "
            "internet connection in an hour. It keeps a scrambled form of the connection's "
            "address for that hour only, never the address itself, and never with your "
            "message.</p>",
        ),
        (
            "Why we keep it",
            "<p>Only to answer your enquiry. You agree to this by ticking the box on the form, "
            "and you can withdraw that agreement at any time by asking us to delete your "
            "details. We do not use them for marketing and we do not add you to any mailing "
            "list.</p>",
        ),
        (
            "Who sees it",
            "<p>Your message is emailed to the members of the centre's staff who answer "
            "enquiries. It is also stored on the website, where only staff who have been given "
            "permission can read it. We do not share it with anyone else. The website does "
            "not send you an automatic email.</p>",
        ),
        (
            "How long we keep it",
            f"<p>The website deletes your message automatically {months} months after you send "
            "it. If you would like the email sent to staff deleted too, say so when you ask us "
            "to delete your details.</p>",
        ),
        (
            "Seeing, correcting or deleting your details",
            "<p>You can ask to see what we hold about you, to correct it, or to delete it, at "
            f"any time. Send your request through the {link}, using the same email address as "
            "before. We find and delete every message sent from that address.</p>"
            "<p>If you are unhappy with how we have handled your details, you can complain to "
            "the Information Commissioner's Office, the UK's data protection regulator.</p>",
        ),
    ]
    body = []
    for heading, html in sections:
        if heading:
            body.append({"type": "heading", "value": heading})
        body.append({"type": "paragraph", "value": html})
    return body
