"""Staff passwords: at least 12 characters wherever the admin sets one."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.admin.forms.auth import PasswordChangeForm

from tests.accounts.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

TOO_SHORT = "Tq9#vLm2$xR"  # 11 characters, otherwise strong


def test_the_validators_want_twelve_characters():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password(TOO_SHORT)
    validate_password(TOO_SHORT + "w")


def new_user(client, password):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newcomer",
            "email": "newcomer@example.ac.uk",
            "first_name": "New",
            "last_name": "Comer",
            "password1": password,
            "password2": password,
            "is_active": "on",
        },
    )


def test_creating_a_user_in_the_admin_refuses_a_short_password(client, staff, django_user_model):
    client.force_login(staff)
    answer = new_user(client, TOO_SHORT)
    assert answer.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in answer.text
    assert not django_user_model.objects.filter(username="newcomer").exists()

    answer = new_user(client, TOO_SHORT + "w")
    assert answer.status_code == 302
    assert django_user_model.objects.get(username="newcomer").check_password(TOO_SHORT + "w")


def test_editing_a_user_in_the_admin_refuses_a_short_password(client, staff, django_user_model):
    other = django_user_model.objects.create_user("grace", "grace@example.ac.uk", STAFF_PASSWORD)
    client.force_login(staff)
    answer = client.post(
        reverse("wagtailusers_users:edit", args=[other.pk]),
        {
            "username": "grace",
            "email": "grace@example.ac.uk",
            "first_name": "Grace",
            "last_name": "Hopper",
            "password1": TOO_SHORT,
            "password2": TOO_SHORT,
            "is_active": "on",
        },
    )
    assert answer.status_code == 200
    assert "at least 12 characters" in answer.text
    other.refresh_from_db()
    assert other.check_password(STAFF_PASSWORD)


def test_changing_ones_own_password_refuses_a_short_one(staff):
    data = {"old_password": STAFF_PASSWORD, "new_password1": TOO_SHORT, "new_password2": TOO_SHORT}
    form = PasswordChangeForm(staff, data)
    assert not form.is_valid()
    assert "at least 12 characters" in " ".join(form.errors["new_password2"])

    longer = TOO_SHORT + "w"
    data.update(new_password1=longer, new_password2=longer)
    assert PasswordChangeForm(staff, data).is_valid()
