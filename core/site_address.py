"""The default Site's address, from which feeds, the sitemap and citations build links."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from wagtail.models import Site

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"}


def parse_site_url(url):
    """(hostname, port) of an http(s) address, or ValidationError with a message for editors."""
    URLValidator(schemes=["http", "https"])(url)
    parts = urlsplit(url)
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ValidationError(f"The site's address is a host and port only, without a path: {url}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port


def point_default_site_at(url):
    """Give the default Site the address it is served at; True when it changed."""
    hostname, port = parse_site_url(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ValidationError("There is no default Site yet: run the seed first.")
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.full_clean()
    site.save()
    return True


def local_default_site():
    """The default Site when its address only works on this machine, else None."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.hostname in LOCAL_HOSTS:
        return site
    return None
