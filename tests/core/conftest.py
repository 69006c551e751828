import pytest

from core.factories import ImageFactory


@pytest.fixture
def image(db):
    return ImageFactory(title="A meeting of leaders", file__width=1280, file__height=720)


@pytest.fixture
def public_site(home):
    """The default Site at its public address: absolute links come from it, not the request."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname = "leadership.example.ac.uk"
    site.port = 443
    site.site_name = "Systems Leadership"
    site.save()
    return site
