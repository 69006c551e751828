"""Enquiries in the admin: only for staff with permission, escaped, safe to export, erasable."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail import hooks

from contact.factories import ContactSubmissionFactory
from contact.models import ContactPage, ContactPageForm, ContactSubmission

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def enquiry_reader(editor):
    """An editor whose group may also read, export and delete enquiries."""
    group = Group.objects.create(name="Enquiries")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="contact",
            codename__in=["view_contactsubmission", "delete_contactsubmission"],
        )
    )
    editor.groups.add(group)
    return editor


@pytest.fixture
def submission(enquiry_page):
    data = {"name": SCRIPT, "message": f'=HYPERLINK("https://evil.example") {SCRIPT}'}
    return ContactSubmissionFactory(page=enquiry_page, form_data=data, email="ada@example.org")


def submissions_url(page, **query):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_an_editor_without_permission_cannot_read_enquiries(client, editor, submission):
    client.force_login(editor)

    forms_index = client.get(reverse("wagtailforms:index"))
    listing = client.get(submissions_url(submission.page))
    export = client.get(submissions_url(submission.page, export="csv"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[submission.page.pk]))

    assert forms_index.status_code == 200
    assert "Contact us" not in forms_index.content.decode()
    # Wagtail answers a refusal with the admin's home page and a message.
    assert (listing.status_code, listing.url) == (302, reverse("wagtailadmin_home"))
    assert (export.status_code, export.url) == (302, reverse("wagtailadmin_home"))
    # They can still edit the page, its questions and who receives the email.
    assert edit.status_code == 200
    assert "Total submissions" not in edit.content.decode()


def test_editors_set_recipients_retention_and_privacy_notice_on_the_page(
    client, editor, enquiry_page
):
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[enquiry_page.pk])).content.decode()

    for label in ["Send enquiries to", "Keep enquiries for (months)", "Privacy notice"]:
        assert label in html
    assert 'value="enquiries@example.ac.uk, director@example.ac.uk"' in html
    assert "Older enquiries are deleted every night." in html


def test_staff_with_permission_read_enquiries_with_markup_escaped(
    client, enquiry_reader, submission
):
    client.force_login(enquiry_reader)

    response = client.get(submissions_url(submission.page))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[submission.page.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert SCRIPT not in html
    assert "Email to the centre" in html and "Sent" in html
    assert "Total submissions" in edit.content.decode()


def test_the_csv_export_cannot_run_a_formula_on_a_staff_computer(
    client, enquiry_reader, submission
):
    client.force_login(enquiry_reader)

    response = client.get(submissions_url(submission.page, export="csv"))

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Message"] == "'" + submission.form_data["message"]
    assert rows[0]["Name"] == SCRIPT  # a spreadsheet shows text as text
    assert rows[0]["Email to the centre"] == "Sent"


def test_the_xlsx_export_is_a_spreadsheet(client, enquiry_reader, submission):
    client.force_login(enquiry_reader)

    response = client.get(submissions_url(submission.page, export="xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_the_permissions_can_be_given_to_a_group_in_the_admin():
    registered = {
        permission.codename
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
    }

    assert {"view_contactsubmission", "delete_contactsubmission"} <= registered


# ---------------------------------------------------------------------------
# Erasure on request, in the admin


def erase_url():
    return reverse("contact_erase_submissions")


def test_erasure_is_only_for_staff_with_permission(client, editor, submission):
    client.force_login(editor)

    page = client.get(erase_url())
    erase = client.post(erase_url(), {"email": submission.email, "erase": "1", "confirm": "1"})

    assert (page.status_code, page.url) == (302, reverse("wagtailadmin_home"))
    assert (erase.status_code, erase.url) == (302, reverse("wagtailadmin_home"))
    assert ContactSubmission.objects.count() == 1
    assert erase_url() not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_find_then_erase_every_enquiry_from_one_address(client, enquiry_reader, enquiry_page):
    theirs = [
        ContactSubmissionFactory(page=enquiry_page, email=address)
        for address in ("ada@example.org", "ADA@Example.org")
    ]
    someone_else = ContactSubmissionFactory(page=enquiry_page, email="grace@example.org")
    client.force_login(enquiry_reader)

    found = client.post(erase_url(), {"email": "Ada@example.org", "find": "1"})

    assert found.status_code == 200
    html = found.content.decode()
    assert "2 enquiries from Ada@example.org" in html
    assert "Delete 2 enquiries from Ada@example.org" in html
    assert ContactSubmission.objects.count() == 3

    unconfirmed = client.post(erase_url(), {"email": "Ada@example.org", "erase": "1"})

    assert unconfirmed.status_code == 200
    assert "Tick the box to confirm: nothing was deleted." in unconfirmed.content.decode()
    assert ContactSubmission.objects.count() == 3

    erased = client.post(
        erase_url(), {"email": "Ada@example.org", "erase": "1", "confirm": "1"}, follow=True
    )

    assert erased.status_code == 200
    assert "Deleted 2 enquiries from Ada@example.org." in erased.content.decode()
    assert not ContactSubmission.objects.filter(pk__in=[s.pk for s in theirs]).exists()
    assert list(ContactSubmission.objects.all()) == [someone_else]


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the email address to erase."),
        ("not-an-address", "Enter an email address in the right format"),
        ("a@b@c", "Enter an email address in the right format"),
        ("x" * 300 + "@example.org", "at most 254 characters"),
    ],
)
def test_erasure_with_a_bad_address_explains_and_deletes_nothing(
    client, enquiry_reader, submission, email, message
):
    client.force_login(enquiry_reader)

    response = client.post(erase_url(), {"email": email, "erase": "1"})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert ContactSubmission.objects.count() == 1


def test_the_erasure_page_is_in_the_settings_menu_for_staff_with_permission(client, enquiry_reader):
    client.force_login(enquiry_reader)

    response = client.get(reverse("wagtailadmin_home"))

    assert erase_url() in response.content.decode()


def test_the_contact_page_needs_a_summary_to_be_published_like_every_page():
    form_class = ContactPage.get_edit_handler().get_form_class()

    assert issubclass(form_class, ContactPageForm)
    assert form_class(for_user=None).fields["summary"].required


def test_editors_are_warned_when_nobody_receives_enquiries(home):
    from contact.factories import ContactPageFactory
    from contact.wagtail_hooks import NO_RECIPIENTS
    from core.content_checks import content_warnings

    page = ContactPageFactory(parent=home, to_address="")
    assert NO_RECIPIENTS in content_warnings(page)

    page.to_address = "enquiries@example.org"
    assert NO_RECIPIENTS not in content_warnings(page)
