"""Moderation mail through a real SMTP server: submit, approve and reject each send theirs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import StandardPage

from ..contact.conftest import smtp  # noqa: F401  (the real SMTP server fixture)
from .test_workflow import create_url, member_of, page_form, seeded_home  # noqa: F401

pytestmark = pytest.mark.django_db

ADMIN_EMAIL = "web-team@example.ac.uk"


@pytest.fixture
def admin_moderator(monkeypatch, seeded_home, django_user_model):  # noqa: F811
    """The 'admin' login as `make run` leaves it: ADMIN_EMAIL, and in the Moderators group."""
    monkeypatch.setenv("ADMIN_EMAIL", ADMIN_EMAIL)
    monkeypatch.setenv("ADMIN_PASSWORD", "a long and quite unguessable phrase")
    call_command("ensure_admin", stdout=StringIO())
    admin = django_user_model.objects.get(username="admin")
    assert admin.groups.filter(name="Moderators").exists()
    return admin


@pytest.fixture
def submitted(client, seeded_home, django_user_model, admin_moderator):  # noqa: F811
    """An editor's page waiting for moderation, and the editor."""
    editor = member_of(django_user_model, "Editors")
    client.force_login(editor)
    response = client.post(create_url(seeded_home), page_form("Collaboration", submit=True))
    assert response.status_code == 302
    return StandardPage.objects.get(slug="collaboration-in-practice"), editor


def mail_to(smtp, address):  # noqa: F811
    return [m for m in smtp.inbox.messages if address in m["To"]]


def moderate(client, admin, page, action):
    client.force_login(admin)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
        {"comment": "Thank you."},
    )
    assert response.status_code in (200, 302)


def test_submitting_mails_the_moderators(smtp, submitted):  # noqa: F811
    messages = mail_to(smtp, ADMIN_EMAIL)

    assert [m["Subject"] for m in messages] == [
        'The page "Collaboration" has been submitted for approval in moderation stage '
        '"Moderators approval"'
    ]
    text = messages[0].get_body(("plain",)).get_content()
    assert "http://testserver/admin/pages/" in text
    # The editor who submitted is not told about their own submission.
    assert mail_to(smtp, submitted[1].email) == []


def test_approving_mails_the_editor(client, smtp, submitted, admin_moderator):  # noqa: F811
    page, editor = submitted

    moderate(client, admin_moderator, page, "approve")

    page.refresh_from_db()
    assert page.live
    subjects = [m["Subject"] for m in mail_to(smtp, editor.email)]
    assert 'The page "Collaboration" has been approved in "Moderation".' in subjects


def test_rejecting_mails_the_editor(client, smtp, submitted, admin_moderator):  # noqa: F811
    page, editor = submitted

    moderate(client, admin_moderator, page, "reject")

    page.refresh_from_db()
    assert not page.live
    subjects = [m["Subject"] for m in mail_to(smtp, editor.email)]
    assert 'The page "Collaboration" has been rejected during "Moderation".' in subjects


def test_a_superuser_outside_the_moderators_gets_no_submission_mail(
    client,
    smtp,  # noqa: F811
    django_user_model,
    seeded_home,  # noqa: F811
    admin_moderator,
):
    django_user_model.objects.create_superuser("other", "other@example.ac.uk", "x")
    client.force_login(member_of(django_user_model, "Editors"))

    client.post(create_url(seeded_home), page_form("Collaboration", submit=True))

    assert len(mail_to(smtp, ADMIN_EMAIL)) == 1
    assert mail_to(smtp, "other@example.ac.uk") == []


def test_the_admin_shows_no_gravatar(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "gravatar" not in html.lower()
