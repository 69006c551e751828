"""What editors set once per site: contact details, footer links, the share image and the menu.

Kept apart from the page types so that helpers every page uses (share images, structured data,
the menu) can read them without importing the page models.
"""

import logging

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

from core.fragments import content_generation, fragment_seconds

BAD_ADDRESS = (
    "Give an address on this site starting with / (such as /people/), or a whole address "
    "starting with https:// (such as https://www.example.ac.uk/)."
)
_outside_address = URLValidator(schemes=["http", "https"], message=BAD_ADDRESS)

logger = logging.getLogger(__name__)


class MadeOnFirstRead:
    """Settings every page reads, made with their defaults the first time, as Wagtail does;
    left unsaved when the database takes no writes (a replica, a full disk), so that pages are
    still served. Saved by the editor's first change."""

    @classmethod
    def for_site(cls, site):
        instance = cls.base_queryset().filter(site=site).first() if site else None
        if instance is not None:
            return instance
        try:
            return super().for_site(site)
        except DatabaseError:
            logger.warning("Could not save the default %s; showing them unsaved", cls.__name__)
            return cls(site=site)


def validate_menu_address(value):
    """A menu address is a path on this site or a web address elsewhere; nothing else."""
    if any(character.isspace() for character in value):
        raise ValidationError(BAD_ADDRESS)
    # "//host/" is another site with the visitor's scheme: ask for the whole address instead.
    if value.startswith("/") and not value.startswith("//"):
        return
    _outside_address(value)


@register_setting(icon="mail")
class SiteSettings(MadeOnFirstRead, BaseSiteSetting):
    """Contact details and footer text shown on every page, and the default image for sharing."""

    # Read on every page (the footer): the linked pages come in the same query.
    select_related = ["contact_page", "accessibility_page", "privacy_page", "share_image"]

    contact_email = models.EmailField(
        blank=True, help_text="The centre's email address, shown in the footer of every page."
    )
    contact_phone = models.CharField(
        max_length=50, blank=True, help_text="Shown in the footer as written, e.g. 0117 123 4567."
    )
    address = models.TextField(
        blank=True, help_text="The postal address, one line of the address to a line."
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text='The page the footer\'s "Contact us" link opens: the contact form.',
    )
    footer_text = models.TextField(
        blank=True, help_text="A line or two at the foot of every page, e.g. who runs the site."
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the foot of every page while live.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the foot of every page while it is live.",
    )
    share_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without an image of its own is shared on social media.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
                # Opens at the contact page, the only page that fits.
                PageChooserPanel("contact_page", "contact.ContactPage"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("privacy_page"),
            ],
            heading="Foot of every page",
        ),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_request(cls, request):
        """The settings every page's footer and head read, from the cache while nothing on
        the site has changed (core/fragments.py), else from the database and then kept."""
        attr_name = cls.get_cache_attr_name()
        site = None if hasattr(request, attr_name) else Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        key = f"site-settings-{site.pk}-{content_generation()}"
        instance = cache.get(key)
        if instance is None:
            instance = cls.for_site(site)
            if instance.pk is not None:  # unsaved defaults are tried again next time
                cache.set(key, instance, fragment_seconds())
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    @cached_property
    def footer_pages(self):
        """{"contact", "accessibility", "privacy": page} for those of the three set and live.

        The pages come with the settings themselves (select_related): the footer is on every
        page, so its links cost no query of their own.
        """
        chosen = {
            "contact": self.contact_page,
            "accessibility": self.accessibility_page,
            "privacy": self.privacy_page,
        }
        return {name: page for name, page in chosen.items() if page is not None and page.live}


@register_setting(icon="list-ul")
class MainMenu(MadeOnFirstRead, ClusterableModel, BaseSiteSetting):
    """The links in the site header, in the order editors set."""

    panels = [InlinePanel("items", label="Menu item")]

    class Meta:
        verbose_name = "main menu"


class MainMenuItem(Orderable):
    """One link in the site header: to a page of the site, or to an address."""

    menu = ParentalKey(MainMenu, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A page of this site. Leave empty to link to an address instead.",
    )
    link_url = models.CharField(
        "or an address",
        max_length=500,
        blank=True,
        validators=[validate_menu_address],
        help_text="An address on this site such as /people/, or a whole address elsewhere "
        "starting with https://.",
    )
    label = models.CharField(
        max_length=60,
        blank=True,
        help_text="The words in the menu. Defaults to the page title; needed for an address.",
    )

    panels = [FieldPanel("page"), FieldPanel("link_url"), FieldPanel("label")]

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.link_url):
            raise ValidationError({"page": "Choose a page or give an address, not both."})
        if self.link_url and not self.label:
            raise ValidationError({"label": "Give the words to show for this address."})

    @property
    def text(self):
        return self.label or self.page.title
