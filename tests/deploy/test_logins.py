"""Through the real front door (Varnish, nginx, gunicorn): the sign-in throttle holds."""

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from tests.deploy.conftest import OPENER, fetch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a long staff password"


def post(url, form, headers):
    """(status, body) of one form post, errors included."""
    data = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def sign_in(stack, password, forged):
    """One post of the admin's sign-in form, with a fresh CSRF token and a forged address."""
    status, headers, body = fetch(stack.url("/admin/login/"))
    assert status == 200
    cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = {"csrfmiddlewaretoken": token, "username": "ada", "password": password}
    # The cookie is Secure in production; sent by hand, as a browser would over TLS.
    headers = {"Cookie": f"csrftoken={cookie}", "X-Forwarded-For": forged}
    return post(stack.url("/admin/login/"), form, headers)


def test_forged_addresses_do_not_escape_the_lock_out(stack, django_user_model):
    django_user_model.objects.create_superuser("ada", "ada@example.ac.uk", PASSWORD)
    limit = settings.AXES_FAILURE_LIMIT
    answers = [sign_in(stack, f"wrong {n}", f"198.51.100.{n}")[0] for n in range(limit + 2)]
    assert answers[: limit - 1] == [200] * (limit - 1)
    assert set(answers[limit - 1 :]) == {429}

    status, body = sign_in(stack, PASSWORD, "198.51.100.200")
    assert status == 429
    assert b"Too many attempts" in body
    # Counted under the address nginx saw (on loopback, 127.0.0.1), read back through the
    # X-Forwarded-For that Varnish sets and nginx extends: never a forged one.
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["127.0.0.1"]
