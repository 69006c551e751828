"""Two-step verification: set up from the admin, then asked for after the password."""

import datetime as dt
import logging
import re
from base64 import b32decode

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = "/admin/two-factor/verify/"
SET_UP = "/admin/two-factor/"


def code(key, at):
    """The code an authenticator app with this secret key shows at this moment."""
    totp = TOTP(key)
    totp.time = at.timestamp()
    return f"{totp.token():06d}"


def wrong(right):
    return f"{(int(right) + 1) % 1_000_000:06d}"


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)


def test_setting_up_shows_a_qr_code_and_confirms_with_a_code(staff, client, caplog):
    caplog.set_level(logging.INFO, logger="portal.auth")
    client.force_login(staff)
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        page = client.get(SET_UP)
        assert page.status_code == 200
        assert 'src="data:image/svg+xml' in page.text
        assert "<script" not in page.text.split('id="main"')[-1].split("</main>")[0]
        secret = re.search(r"<code>([A-Z2-7]+)</code>", page.text).group(1)
        key = b32decode(secret)
        assert not TOTPDevice.objects.get(user=staff).confirmed

        refused = client.post(SET_UP, {"code": wrong(code(key, now))})
        assert refused.status_code == 400
        assert "That code is not right" in refused.text
        assert not TOTPDevice.objects.get(user=staff).confirmed

    later = now + dt.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        done = client.post(SET_UP, {"code": code(key, later)})
        assert done.status_code == 302
        assert TOTPDevice.objects.get(user=staff).confirmed
        assert client.get("/admin/").status_code == 200  # this session gave its code
        assert "Two-step verification is on" in client.get(SET_UP).text
    assert ("Two-step verification turned on by 'ada'") in caplog.text


def test_with_a_device_the_admin_asks_for_the_code_after_the_password(
    staff, device, client, sign_in
):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        assert sign_in("ada", STAFF_PASSWORD).status_code == 302
        answer = client.get("/admin/pages/")
        assert answer.status_code == 302
        assert answer["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
        assert client.get(VERIFY).status_code == 200

        done = client.post(VERIFY, {"code": code(device.bin_key, now), "next": "/admin/pages/"})
        assert done.status_code == 302
        assert done["Location"] == "/admin/pages/"
        assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_further_tries_throttled(
    staff, device, client, sign_in, caplog
):
    caplog.set_level(logging.WARNING, logger="portal.auth")
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        sign_in("ada", STAFF_PASSWORD)
        right = code(device.bin_key, now)
        assert client.post(VERIFY, {"code": wrong(right)}).status_code == 400
        assert client.post(VERIFY, {"code": "not digits"}).status_code == 400

        throttled = client.post(VERIFY, {"code": right})
        assert throttled.status_code == 429
        assert "Too many wrong codes" in throttled.text
        assert client.get("/admin/").status_code == 302

    later = now + dt.timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        assert client.post(VERIFY, {"code": code(device.bin_key, later)}).status_code == 302
        assert client.get("/admin/").status_code == 200
    assert "Wrong two-step code for 'ada' from 127.0.0.1" in caplog.text
    assert "Two-step code refused for 'ada' from 127.0.0.1: throttled" in caplog.text


def test_a_code_for_another_persons_device_does_not_verify(staff, device, django_user_model):
    grace = django_user_model.objects.create_superuser("grace", "g@example.ac.uk", STAFF_PASSWORD)
    theirs = TOTPDevice.objects.create(user=grace, name="Phone", confirmed=True)
    client = Client()
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        client.force_login(staff)
        assert client.post(VERIFY, {"code": code(theirs.bin_key, now)}).status_code == 400
        assert client.get("/admin/").status_code == 302


def test_without_a_device_staff_go_straight_in(staff, client, sign_in):
    sign_in("ada", STAFF_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_when_required_staff_without_a_device_must_set_one_up(staff, client, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    client.force_login(staff)
    answer = client.get("/admin/pages/")
    assert answer.status_code == 302
    assert answer["Location"] == f"{SET_UP}?next=%2Fadmin%2Fpages%2F"
    page = client.get(answer["Location"])
    assert page.status_code == 200
    assert "Set it up to continue" in page.text


def test_turning_it_off(staff, device, client):
    client.force_login(staff)
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        client.post(VERIFY, {"code": code(device.bin_key, now)})
        assert client.post(SET_UP, {"turn_off": "1"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_the_way_back_stays_on_this_site(staff, device, client):
    client.force_login(staff)
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        answer = client.post(
            VERIFY, {"code": code(device.bin_key, now), "next": "https://elsewhere.example/"}
        )
    assert answer["Location"] == "/admin/"
