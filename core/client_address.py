"""The address a request came from, read through the proxies this site trusts.

Used wherever a limit is kept per visitor: the contact form's rate limit and the sign-in
throttle (AXES_CLIENT_IP_CALLABLE). CONTACT_TRUSTED_PROXIES and CONTACT_TRUSTED_PROXY_COUNT
say which proxies write X-Forwarded-For and how many of them stand in front.
"""

import functools
import ipaddress

from django.conf import settings


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address):
    return any(address in network for network in trusted_proxy_networks())


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def trusted_proxy_networks():
    return _networks(tuple(settings.CONTACT_TRUSTED_PROXIES))


def client_address(request):
    """The visitor's address: X-Forwarded-For is read only as far as trusted proxies wrote it.

    Starting from the connection itself, each hop is believed only when the address that sent it
    is one of CONTACT_TRUSTED_PROXIES, and at most CONTACT_TRUSTED_PROXY_COUNT hops are read: the
    first untrusted address, or the one the last trusted proxy saw, is the client. Anything
    further left was written by the client and can be forged.
    """
    address = request.META.get("REMOTE_ADDR", "")
    current = _address(address)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for _ in range(settings.CONTACT_TRUSTED_PROXY_COUNT):
        if current is None or not _trusted(current) or not hops:
            break
        previous = _address(hops.pop())
        if previous is None:
            # A proxy we trust wrote something that is not an address: believe no further.
            break
        address, current = str(previous), previous
    return address
