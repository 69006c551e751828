"""Whose address a post is from: X-Forwarded-For is believed only as far as our proxies wrote it."""

import pytest
from django.test import RequestFactory

from core.client_address import client_address

LOOPBACK = "127.0.0.1"


def address(remote, forwarded=None, **meta):
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().post("/contact/", REMOTE_ADDR=remote, **meta))


@pytest.fixture
def behind_varnish_and_nginx(settings):
    """`make serve`: Varnish sets X-Forwarded-For to the client, nginx appends Varnish's address."""
    settings.CONTACT_TRUSTED_PROXY_COUNT = 2
    settings.CONTACT_TRUSTED_PROXIES = ["127.0.0.0/8", "::1"]


def test_with_no_proxies_the_connection_is_the_client(settings):
    settings.CONTACT_TRUSTED_PROXY_COUNT = 0
    assert address(LOOPBACK, "198.51.100.1") == LOOPBACK


def test_a_direct_connection_from_outside_is_the_client_whatever_it_claims(settings):
    settings.CONTACT_TRUSTED_PROXY_COUNT = 1
    assert address("203.0.113.5", "198.51.100.1") == "203.0.113.5"
    assert address("203.0.113.5", "198.51.100.1, 127.0.0.1") == "203.0.113.5"


def test_the_make_serve_chain_reads_the_real_client(behind_varnish_and_nginx):
    # What gunicorn sees: nginx connects, the header holds the client then Varnish.
    assert address(LOOPBACK, "198.51.100.7, 127.0.0.1") == "198.51.100.7"


def test_behind_the_chain_a_client_on_the_same_host_is_itself(behind_varnish_and_nginx):
    assert address(LOOPBACK, "127.0.0.1, 127.0.0.1") == LOOPBACK


def test_what_a_client_writes_before_the_proxies_is_ignored(behind_varnish_and_nginx):
    # Only two hops are read, however many trusted-looking entries a client sends.
    assert address(LOOPBACK, "10.9.9.9, 127.0.0.5, 198.51.100.7, 127.0.0.1") == "198.51.100.7"


def test_the_right_most_untrusted_hop_stops_the_walk(settings):
    settings.CONTACT_TRUSTED_PROXY_COUNT = 3
    settings.CONTACT_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # 10.0.0.2 handed on the header; 198.51.100.7 is not ours, so what it wrote is not believed.
    assert address("10.0.0.2", "192.0.2.1, 198.51.100.7, 10.0.0.3") == "198.51.100.7"


@pytest.mark.parametrize(
    "forwarded", ["", "unknown", "198.51.100.7:4431", "<script>", " , "], ids=repr
)
def test_a_header_that_is_no_address_leaves_the_last_trusted_one(
    behind_varnish_and_nginx, forwarded
):
    assert address(LOOPBACK, forwarded) == LOOPBACK


def test_ipv6_clients_and_proxies(settings):
    settings.CONTACT_TRUSTED_PROXY_COUNT = 1
    settings.CONTACT_TRUSTED_PROXIES = ["::1", "2001:db8:1::/48"]
    assert address("2001:db8:1::5", "2001:db8:ffff::9") == "2001:db8:ffff::9"
    assert address("2001:db8:2::5", "2001:db8:ffff::9") == "2001:db8:2::5"


def test_no_header_behind_a_proxy_is_the_proxy(behind_varnish_and_nginx):
    assert address(LOOPBACK) == LOOPBACK
