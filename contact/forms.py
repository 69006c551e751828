"""The visitor's form: built from the fields staff set, with clear messages and stated limits."""

import django.forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import Truncator
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

# Names the page itself puts in the form; a staff field may not take them.
HONEYPOT_NAME = "website"
TOKEN_NAME = "form_token"
RESERVED_NAMES = {HONEYPOT_NAME, TOKEN_NAME, "csrfmiddlewaretoken"}

EMAIL_MAX_LENGTH = 254  # The longest address SMTP can deliver to.

# Questions about the visitor themself say what they ask for, so browsers can fill them in
# (WCAG 1.3.5). Keyed by the question's name, which comes from the label staff give it.
AUTOCOMPLETE = {
    "name": "name",
    "full_name": "name",
    "your_name": "name",
    "email": "email",
    "email_address": "email",
    "your_email": "email",
    "organisation": "organization",
    "organization": "organization",
    "job_title": "organization-title",
    "role": "organization-title",
    "phone": "tel",
    "telephone": "tel",
    "phone_number": "tel",
    "telephone_number": "tel",
}


def message_max_length():
    return settings.CONTACT_MESSAGE_MAX_LENGTH


def _quoted(label):
    return "\u201c" + Truncator(label).chars(60) + "\u201d"


def _formatted(message):
    """A message Django fills in with %-placeholders: a % in a label must stay a % sign."""
    return message.replace("%", "%%")


class MessageField(django.forms.CharField):
    """Multi-line text whose limit counts line breaks the way the visitor sees them."""

    def to_python(self, value):
        value = super().to_python(value)
        # Browsers send a line break as two characters; the visitor typed one.
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # The browser would cut a pasted message off silently; the hint states the limit instead
        # and an over-long message comes back with a message saying by how much.
        attrs.pop("maxlength", None)
        return attrs


class ContactForm(BaseForm):
    """The base of every contact form: messages a visitor can act on, every value kept."""

    def __init__(self, *args, privacy_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        if privacy_url:
            link_privacy_notice(self, privacy_url)


def link_privacy_notice(form, url):
    """Turn the words 'privacy notice' in a tick-box label into a link to the notice."""
    for field in form.fields.values():
        if not isinstance(field, django.forms.BooleanField):
            continue
        label = str(field.label)
        start = label.lower().find("privacy notice")
        if start < 0:
            continue
        end = start + len("privacy notice")
        field.label = format_html(
            '{}<a href="{}">{}</a>{}', label[:start], url, label[start:end], label[end:]
        )


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder, with messages a visitor can act on and the limits stated."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        label = _quoted(field.label)
        options["error_messages"] = {
            "required": f"Fill in {label}.",
            "max_length": _formatted(f"{label} can be up to ")
            + "%(limit_value)d characters; you entered %(show_value)d.",
        }
        return options

    def create_multiline_field(self, field, options):
        limit = message_max_length()
        options["max_length"] = limit
        options["help_text"] = _join_hint(options.get("help_text"), f"Up to {limit:,} characters.")
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 8}))
        return MessageField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        options["error_messages"]["invalid"] = (
            "Enter an email address in the right format, like name@example.com."
        )
        options["widget"] = django.forms.EmailInput(attrs={"autocomplete": "email"})
        return django.forms.EmailField(**options)

    def create_dropdown_field(self, field, options):
        options["error_messages"]["required"] = f"Choose an answer for {_quoted(field.label)}."
        options["error_messages"]["invalid_choice"] = _formatted(
            f"Choose one of the answers listed for {_quoted(field.label)}."
        )
        field_obj = super().create_dropdown_field(field, options)
        # Without an empty first choice the browser would pick the first topic for the visitor.
        field_obj.choices = [("", "Choose one")] + list(field_obj.choices)
        return field_obj

    def create_radio_field(self, field, options):
        options["error_messages"]["required"] = f"Choose an answer for {_quoted(field.label)}."
        options["error_messages"]["invalid_choice"] = _formatted(
            f"Choose one of the answers listed for {_quoted(field.label)}."
        )
        return super().create_radio_field(field, options)

    def create_checkbox_field(self, field, options):
        options["error_messages"]["required"] = f"Tick {_quoted(field.label)} to send your message."
        return super().create_checkbox_field(field, options)

    def create_number_field(self, field, options):
        options["error_messages"]["invalid"] = f"Enter a number in {_quoted(field.label)}."
        return super().create_number_field(field, options)

    def create_url_field(self, field, options):
        options["error_messages"]["invalid"] = _formatted(
            f"Enter a web address in {_quoted(field.label)}, like https://example.org."
        )
        return super().create_url_field(field, options)

    def create_date_field(self, field, options):
        options["error_messages"]["invalid"] = (
            f"Enter a date in {_quoted(field.label)}, like 31/12/2026."
        )
        return super().create_date_field(field, options)

    @property
    def formfields(self):
        fields = super().formfields
        for name, field in fields.items():
            if name in AUTOCOMPLETE:
                field.widget.attrs.setdefault("autocomplete", AUTOCOMPLETE[name])
        return fields

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)


def _join_hint(existing, extra):
    if existing:
        return format_html("{} {}", existing, extra)
    return extra
