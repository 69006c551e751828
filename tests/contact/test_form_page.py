"""The form as a visitor meets it: labels, limits, errors they can act on, values kept, no 500."""

import re

import pytest
from django.test import Client

from contact.models import ContactFormField, ContactSubmission

from .conftest import form_token, valid_answers

pytestmark = pytest.mark.django_db

FIELD_IDS = ["id_name", "id_email", "id_topic", "id_message", "id_consent"]


def html_of(response):
    return response.content.decode()


def test_the_form_shows_every_question_with_a_label_and_the_stated_limit(client, enquiry_page):
    response = client.get(enquiry_page.url)

    assert response.status_code == 200
    html = html_of(response)
    for field_id, label in [
        ("id_name", "Name"),
        ("id_email", "Email address"),
        ("id_organisation", "Organisation (optional)"),
        ("id_topic", "What is your enquiry about?"),
        ("id_message", "Message"),
    ]:
        assert f'<label class="form-field__label" for="{field_id}">{label}' in html
    assert 'id="id_message_helptext">Up to 5,000 characters.</p>' in html
    assert 'aria-describedby="id_message_helptext"' in html
    assert '<option value="" selected>Choose one</option>' in html
    for topic in ["Programmes", "Research collaboration", "Evaluation", "Media", "Other"]:
        assert f'<option value="{topic}">{topic}</option>' in html
    # The consent label links to the seeded privacy notice.
    assert 'as the <a href="/privacy/">privacy notice</a> explains</label>' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="form_token"' in html
    # Questions about the visitor say what they ask for, so browsers can fill them in.
    for name, purpose in [("name", "name"), ("email", "email"), ("organisation", "organization")]:
        assert re.search(rf'name="{name}"[^>]*autocomplete="{purpose}"', html)


def test_the_robot_trap_is_hidden_from_people_and_assistive_technology(client, enquiry_page):
    html = html_of(client.get(enquiry_page.url))

    trap = re.search(r'<div class="contact-form__trap"[^>]*>(.*?)</div>', html, re.S)
    assert ' hidden aria-hidden="true"' in trap.group(0)
    assert 'tabindex="-1" autocomplete="off"' in trap.group(1)


def test_the_page_runs_under_the_strict_policy_and_is_never_shared_from_a_cache(
    client, enquiry_page
):
    response = client.get(enquiry_page.url)

    html = html_of(response)
    assert "style=" not in html
    # Scripts come from files; a JSON-LD data block is never executed.
    inline = r"<script(?![^>]*\bsrc=)(?! type=\"application/ld\+json\">)[^>]*>"
    assert re.findall(inline, html) == []
    assert '<script src="/static/js/contact.js" defer></script>' in html
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_an_empty_form_lists_every_problem_and_links_to_each_field(client, enquiry_page):
    token = form_token(client, enquiry_page)

    response = client.post(enquiry_page.url, {"form_token": token})

    assert response.status_code == 200
    html = html_of(response)
    assert "<title>Error: Contact us" in html
    assert 'role="alert" tabindex="-1"' in html
    for field_id in FIELD_IDS:
        assert f'<a href="#{field_id}">' in html
        assert f'id="{field_id}_error"' in html
    assert "Fill in \u201cName\u201d." in html
    assert "Choose an answer for \u201cWhat is your enquiry about?\u201d." in html
    assert "Tick \u201cI agree that the centre may keep my details to answer" in html
    # Each field is tied to its own message, and marked as wrong.
    assert re.search(
        r'<input type="text" name="name"[^>]*aria-invalid="true"[^>]*'
        r'aria-describedby="id_name_error"',
        html,
    )
    assert re.search(r'aria-describedby="id_message_helptext id_message_error"', html)
    assert ContactSubmission.objects.count() == 0


def test_every_typed_value_is_kept_when_one_field_is_wrong(client, enquiry_page):
    token = form_token(client, enquiry_page)
    answers = valid_answers(email="not-an-address", name="Zoë O'Brien", message="Line 1\nLine 2")

    html = html_of(client.post(enquiry_page.url, {**answers, "form_token": token}))

    assert "Enter an email address in the right format, like name@example.com." in html
    assert 'value="not-an-address"' in html
    assert 'value="Zoë O&#x27;Brien"' in html
    assert "Line 1\nLine 2</textarea>" in html
    assert '<option value="Research collaboration" selected>' in html
    assert 'name="consent" required aria-invalid' not in html
    assert re.search(r'<input type="checkbox" name="consent"[^>]*checked', html)
    assert ContactSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": None}, "Fill in \u201cName\u201d."),
        ({"name": "   "}, "Fill in \u201cName\u201d."),
        ({"email": "ada@"}, "Enter an email address in the right format"),
        ({"email": "ada@example.org\nBcc: victim@example.org"}, "Enter an email address in"),
        ({"email": "a" * 250 + "@example.org"}, "can be up to 254 characters; you entered 262."),
        ({"name": "N" * 256}, "\u201cName\u201d can be up to 255 characters; you entered 256."),
        ({"topic": "Free holidays"}, "Choose one of the answers listed"),
        ({"topic": ""}, "Choose an answer for"),
        ({"consent": None}, "Tick \u201cI agree"),
        ({"message": "x" * 5001}, "can be up to 5000 characters; you entered 5001."),
        ({"message": "Hello\x00world"}, "Null characters are not allowed."),
    ],
    ids=[
        "name-missing",
        "name-blank",
        "email-bad",
        "email-header-injection",
        "email-too-long",
        "name-too-long",
        "topic-not-listed",
        "topic-not-chosen",
        "no-consent",
        "message-too-long",
        "null-character",
    ],
)
def test_each_invalid_answer_gets_a_clear_message_and_nothing_is_stored(
    client, enquiry_page, changes, message
):
    token = form_token(client, enquiry_page)

    response = client.post(enquiry_page.url, {**valid_answers(**changes), "form_token": token})

    assert response.status_code == 200
    assert message in html_of(response)
    assert ContactSubmission.objects.count() == 0


def test_a_message_of_exactly_the_limit_is_accepted_counting_line_breaks_as_one(sender):
    # 4,991 letters and nine line breaks sent as CR LF: 5,009 characters sent, 5,000 typed.
    message = "\r\n".join(["x" * 499] * 9 + ["x" * 500])

    response = sender(message=message)

    assert response.status_code == 200
    assert len(ContactSubmission.objects.get().form_data["message"]) == 5000


def test_unicode_and_markup_are_stored_as_typed(sender):
    name = "Zoë Ångström-李 \u05e9\u05dc\u05d5\u05dd 🙂"
    message = '<script>alert("x")</script> & <b>bold</b> \u202eright-to-left'

    response = sender(name=name, message=message)

    assert response.status_code == 200
    data = ContactSubmission.objects.get().form_data
    assert (data["name"], data["message"]) == (name, message)
    assert "<script>" not in html_of(response)


def test_markup_typed_into_the_form_comes_back_escaped(client, enquiry_page):
    token = form_token(client, enquiry_page)
    answers = valid_answers(name='<script>alert("x")</script>', email="")

    html = html_of(client.post(enquiry_page.url, {**answers, "form_token": token}))

    assert "<script>alert" not in html
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in html


def test_a_ten_megabyte_body_gets_a_clear_refusal_not_an_error(client, enquiry_page):
    token = form_token(client, enquiry_page)

    response = client.post(
        enquiry_page.url, {**valid_answers(message="x" * 10_000_000), "form_token": token}
    )

    assert response.status_code == 413
    assert "Your message was too large for us to receive, so nothing was sent." in html_of(response)
    assert ContactSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--nope\r\nContent-Disposition: form-data\r\n", "multipart/form-data"),
        (b"x", "multipart/form-data; boundary=\x00"),
        ("&".join(f"f{i}=1" for i in range(10_001)).encode(), "application/x-www-form-urlencoded"),
    ],
    ids=["broken-multipart", "bad-boundary", "too-many-fields"],
)
def test_a_body_that_cannot_be_read_gets_a_400_not_a_500(enquiry_page, body, content_type):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    form_token(client, enquiry_page)

    response = client.post(enquiry_page.url, body, content_type=content_type)

    assert response.status_code == 400
    assert ContactSubmission.objects.count() == 0


def test_bytes_that_are_not_utf8_are_read_without_an_error(client, enquiry_page):
    token = form_token(client, enquiry_page)
    body = f"form_token={token}&name=%FF%FEAda&email=ada%40example.org".encode()

    response = client.post(enquiry_page.url, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert "Fill in \u201cMessage\u201d." in html_of(response)


def test_csrf_protection_stays_on(enquiry_page):
    client = Client(enforce_csrf_checks=True)
    token = form_token(client, enquiry_page)
    answers = {**valid_answers(), "form_token": token}

    refused = client.post(enquiry_page.url, answers)
    accepted = client.post(
        enquiry_page.url, {**answers, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert ContactSubmission.objects.count() == 1


def test_the_thank_you_page_says_what_happens_next(sender):
    response = sender()

    html = html_of(response)
    assert response.templates[0].name == "contact/contact_page_landing.html"
    assert "Thank you for contacting the Centre" in html
    assert "will reply to the email address you gave" in html
    assert "We keep your message for 12 months and then delete it." in html
    assert '<a href="/privacy/">privacy notice</a>' in html
    assert "no-store" in response["Cache-Control"]


def test_staff_can_add_a_question_and_it_is_asked(client, enquiry_page):
    enquiry_page.form_fields.add(
        ContactFormField(label="Job title", field_type="singleline", required=True, sort_order=9)
    )
    enquiry_page.save_revision().publish()
    token = form_token(client, enquiry_page)

    missing = client.post(enquiry_page.url, {**valid_answers(), "form_token": token})
    answered = client.post(
        enquiry_page.url, {**valid_answers(job_title="Director"), "form_token": token}
    )

    assert "Fill in \u201cJob title\u201d." in html_of(missing)
    assert answered.status_code == 200
    assert ContactSubmission.objects.get().form_data["job_title"] == "Director"


@pytest.mark.parametrize("label", ["Website", "Form token"])
def test_a_question_may_not_take_a_name_the_form_itself_uses(label):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="The form itself uses the name"):
        ContactFormField(label=label, field_type="singleline").clean()


@pytest.mark.parametrize(
    ("mode", "text"),
    [("form", "Send message"), ("landing", "Thank you: your message has been sent")],
)
def test_editors_can_preview_the_form_and_the_thank_you_page(enquiry_page, mode, text):
    response = enquiry_page.make_preview_request(preview_mode=mode)

    assert response.status_code == 200
    assert text in response.render().content.decode()
