"""Sign-in, sign-out and failures reach the `portal.auth` log, never with the password."""

import logging

import pytest

from tests.accounts.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db


def auth_log(caplog):
    return [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "portal.auth"]


def test_sign_in_and_out_are_logged(staff, client, sign_in, caplog):
    caplog.set_level(logging.INFO, logger="portal.auth")
    assert sign_in("ada", STAFF_PASSWORD).status_code == 302
    client.post("/admin/logout/", REMOTE_ADDR="192.0.2.10")

    assert auth_log(caplog) == [
        (logging.INFO, "Signed in: 'ada' from 192.0.2.10"),
        (logging.INFO, "Signed out: 'ada' from 192.0.2.10"),
    ]


def test_a_failure_logs_the_username_but_not_the_password(staff, sign_in, caplog):
    caplog.set_level(logging.INFO, logger="portal.auth")
    sign_in("ada", "my secret guess")
    sign_in("nobody\nSigned in: 'ada'", "another secret")

    assert auth_log(caplog) == [
        (logging.WARNING, "Failed sign-in for 'ada' from 192.0.2.10"),
        # A newline typed into the username cannot forge a log line.
        (logging.WARNING, "Failed sign-in for \"nobody\\nSigned in: 'ada'\" from 192.0.2.10"),
    ]
    assert "secret" not in caplog.text
