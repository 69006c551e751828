"""`manage.py ensure_admin`: afterwards the superuser exists; an existing one is kept."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run():
    out, err = StringIO(), StringIO()
    call_command("ensure_admin", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_password_from_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a long and quite unguessable phrase")
    out, err = run()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    assert admin.check_password("a long and quite unguessable phrase")
    assert "a long and quite unguessable phrase" not in out
    assert "Admin login: admin (password from ADMIN_PASSWORD)" in out
    assert err == ""


def test_generated_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out, _ = run()
    line = next(line for line in out.splitlines() if line.startswith("Admin login: admin / "))
    password = line.removeprefix("Admin login: admin / ")
    assert len(password) >= 20
    assert get_user_model().objects.get(username="admin").check_password(password)

    again, _ = run()
    assert password not in again
    assert "already exists; its password is kept" in again


def test_empty_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "")
    out, _ = run()
    password = out.split("Admin login: admin / ")[1].splitlines()[0].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_existing_admin_is_left_alone(monkeypatch, django_user_model):
    django_user_model.objects.create_user(username="admin", password="the editor's own choice")
    monkeypatch.setenv("ADMIN_PASSWORD", "something else entirely 123")
    out, _ = run()
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("the editor's own choice")
    assert not admin.is_superuser  # not promoted either
    assert "already exists; its password is kept" in out
    assert "something else entirely" not in out
    assert django_user_model.objects.count() == 1


@pytest.mark.parametrize(
    "weak, reason",
    [
        ("admin", "too short"),
        ("password1234", "too common"),
        ("123456789012345", "entirely numeric"),
        ("admin@localhost", "too similar"),
    ],
)
def test_a_weak_password_from_environment_is_refused(monkeypatch, weak, reason):
    monkeypatch.setenv("ADMIN_PASSWORD", weak)
    with pytest.raises(CommandError, match="ADMIN_PASSWORD is too weak") as refused:
        run()
    assert reason in str(refused.value)
    assert weak not in str(refused.value)
    assert not get_user_model().objects.filter(username="admin").exists()


def test_twelve_characters_are_needed(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "Tq9#vLm2$xR")
    with pytest.raises(CommandError, match="at least 12 characters"):
        run()
    monkeypatch.setenv("ADMIN_PASSWORD", "Tq9#vLm2$xRw")
    run()
    assert get_user_model().objects.get(username="admin").check_password("Tq9#vLm2$xRw")


def test_the_generated_password_passes_the_validators(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out, _ = run()
    password = out.split("Admin login: admin / ")[1].splitlines()[0].strip()
    validate_password(password, get_user_model().objects.get(username="admin"))


def test_admin_email_from_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_EMAIL", "web-team@example.ac.uk")
    run()
    assert get_user_model().objects.get(username="admin").email == "web-team@example.ac.uk"


def test_without_admin_email_moderation_mail_goes_to_localhost(monkeypatch):
    monkeypatch.delenv("ADMIN_EMAIL", raising=False)
    run()
    assert get_user_model().objects.get(username="admin").email == "admin@localhost"


def test_an_existing_address_is_kept_and_an_empty_one_filled(monkeypatch, django_user_model):
    monkeypatch.setenv("ADMIN_EMAIL", "web-team@example.ac.uk")
    django_user_model.objects.create_user(username="admin", email="", password="x")
    out, _ = run()
    assert django_user_model.objects.get(username="admin").email == "web-team@example.ac.uk"
    assert "email address is now web-team@example.ac.uk" in out

    monkeypatch.setenv("ADMIN_EMAIL", "someone-else@example.ac.uk")
    run()
    assert django_user_model.objects.get(username="admin").email == "web-team@example.ac.uk"


def test_a_bad_admin_email_is_refused_with_a_message(monkeypatch):
    monkeypatch.setenv("ADMIN_EMAIL", "not an address")
    with pytest.raises(CommandError, match="ADMIN_EMAIL is not an email address"):
        run()
    assert not get_user_model().objects.filter(username="admin").exists()


def test_the_admin_joins_the_moderators(monkeypatch, django_user_model):
    from django.contrib.auth.models import Group

    moderators = Group.objects.get_or_create(name="Moderators")[0]
    run()
    admin = django_user_model.objects.get(username="admin")
    assert list(admin.groups.all()) == [moderators]

    out, _ = run()  # a second run changes nothing
    assert list(admin.groups.all()) == [moderators]
    assert "Moderators group" not in out
