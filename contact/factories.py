"""Factories for the contact page (with the seed's default questions) and its submissions."""

import factory
from django.utils import timezone

from contact.models import ContactFormField, ContactPage, ContactSubmission
from contact.seed import DEFAULT_FIELDS
from core.factories import BasePageFactory, home_page, rich_text


def default_form_fields():
    return [
        ContactFormField(
            sort_order=i,
            clean_name=name,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            help_text=help_text,
        )
        for i, (name, label, field_type, required, choices, help_text) in enumerate(DEFAULT_FIELDS)
    ]


class ContactPageFactory(BasePageFactory):
    """The contact form, with the seed's questions: name, email, topic, message, consent."""

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


class ContactSubmissionFactory(factory.django.DjangoModelFactory):
    """A stored enquiry, its email already sent."""

    class Meta:
        model = ContactSubmission
        skip_postgeneration_save = True

    page = factory.LazyFunction(lambda: ContactPage.objects.first() or ContactPageFactory())
    email = factory.Sequence(lambda n: f"enquirer{n}@example.org")
    form_data = factory.LazyAttribute(
        lambda o: {
            "name": "Ada Enquirer",
            "email": o.email,
            "organisation": "",
            "topic": "Programmes",
            "message": "When does the next programme start?",
            "consent": True,
        }
    )
    notification_status = ContactSubmission.Notification.SENT
    notified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def submitted(obj, create, extracted, **kwargs):
        # submit_time is set on insert (auto_now_add); tests of age pass `submitted=<datetime>`.
        if create and extracted:
            ContactSubmission.objects.filter(pk=obj.pk).update(submit_time=extracted)
            obj.submit_time = extracted
