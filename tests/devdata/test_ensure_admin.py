"""`manage.py ensure_admin`: afterwards the superuser exists; an existing one is kept."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

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
    assert "already exists; nothing changed" in again


def test_empty_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "")
    out, _ = run()
    password = out.split("Admin login: admin / ")[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_existing_admin_is_left_alone(monkeypatch, django_user_model):
    django_user_model.objects.create_user(username="admin", password="the editor's own choice")
    monkeypatch.setenv("ADMIN_PASSWORD", "something else entirely 123")
    out, _ = run()
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("the editor's own choice")
    assert not admin.is_superuser  # not promoted either: nothing about it changes
    assert "already exists; nothing changed" in out
    assert "something else entirely" not in out
    assert django_user_model.objects.count() == 1


def test_weak_password_from_environment_is_used_with_a_warning(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "admin")
    _, err = run()
    assert get_user_model().objects.get(username="admin").check_password("admin")
    assert "ADMIN_PASSWORD is weak" in err
