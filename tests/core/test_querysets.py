"""Listings leave out private sections in their own query, agreeing with Wagtail's rule."""

from wagtail.models import Page, PageViewRestriction

from core.factories import StandardPageFactory
from core.models import StandardPage


def test_private_sections_are_left_out_as_wagtail_leaves_them_out(home, django_assert_num_queries):
    open_page = StandardPageFactory(parent=home, title="Open")
    private = StandardPageFactory(parent=home, title="Private")
    inside = StandardPageFactory(parent=private, title="Inside the private section")
    below_open = StandardPageFactory(parent=open_page, title="Below the open page")
    password = StandardPageFactory(parent=below_open, title="Behind a password")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    PageViewRestriction.objects.create(
        page=password, restriction_type="password", password="swordfish"
    )

    with django_assert_num_queries(1):
        public = set(StandardPage.objects.public().values_list("title", flat=True))

    assert public == {"Open", "Below the open page"}
    assert set(StandardPage.objects.not_public().values_list("title", flat=True)) == {
        "Private",
        "Inside the private section",
        "Behind a password",
    }
    wagtails = set(Page.objects.type(StandardPage).public().values_list("title", flat=True))
    assert public == wagtails
    assert inside.title not in public


def test_without_restrictions_every_page_is_public(home):
    StandardPageFactory(parent=home, title="Open")
    assert list(StandardPage.objects.public().values_list("title", flat=True)) == ["Open"]
    assert not StandardPage.objects.not_public().exists()
