"""The people and organisations that pages name; each has a page listing what names them."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.seo import unique_slug
from core.structured_data import person as person_data


class Named(index.Indexed, models.Model):
    """What people and partners share: a name, an address made from it, a public page."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        blank=True,
        help_text="The end of the page's web address. Made from the name if left empty.",
    )

    # What their pages say, set by each kind.
    url_name = ""
    index_url_name = ""
    index_title = ""
    index_intro = ""
    index_empty = ""
    eyebrow = ""
    slug_fallback = "item"
    # The attribute of page types (see core.related) whose lookup reaches this kind.
    lookup_attribute = ""
    # Whether the profile header leaves room for a photo.
    has_photo = False

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, self.pk, fallback=self.slug_fallback)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.url_name, args=[self.slug])

    @property
    def summary(self):
        """The line shown after the name in lists and under it on their page."""
        return ""

    @property
    def website(self):
        return ""

    def structured_data(self, request, url):
        """JSON-LD for their page; its "description" is also the page's meta description."""
        raise NotImplementedError


class Person(Named):
    """A leader interviewed, an author, or anyone else the site names."""

    name = models.CharField(
        max_length=255, help_text="Their name as it is written, without a title such as 'Dr'."
    )
    honorific = models.CharField(
        max_length=50,
        blank=True,
        help_text="A title written before the name, for example 'Professor'. Leave empty if none.",
    )
    role = models.CharField(
        max_length=255, blank=True, help_text="Their job title, for example 'Chief Executive'."
    )
    organisation = models.CharField(
        max_length=255, blank=True, help_text="Where they work, for example 'NHS England'."
    )
    photo = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "A head-and-shoulders photo, cropped square on their page. Give the photographer in "
            "the image's 'Credit'. Shown beside their name, so screen readers skip it."
        ),
    )

    url_name = "person"
    index_url_name = "person_index"
    index_title = "People"
    index_intro = "The leaders interviewed and the authors of viewpoints and publications."
    index_empty = "Nobody is named on a published page yet."
    eyebrow = "Person"
    slug_fallback = "person"
    lookup_attribute = "people_lookup"
    has_photo = True

    panels = [
        FieldPanel("honorific"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("slug"),
    ]
    search_fields = Named.search_fields + [index.SearchField("organisation")]

    class Meta(Named.Meta):
        verbose_name_plural = "people"

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}".strip()

    @property
    def role_and_organisation(self):
        return ", ".join(part for part in (self.role, self.organisation) if part)

    @property
    def summary(self):
        return self.role_and_organisation

    def structured_data(self, request, url):
        who = ", ".join(part for part in (self.full_name, self.role_and_organisation) if part)
        return {
            **person_data(request, self),
            "url": url,
            "description": f"{who}: interviews, viewpoints and publications.",
        }


class Partner(Named):
    """An organisation the centre works with on programmes."""

    name = models.CharField(
        max_length=255,
        unique=True,
        help_text="The organisation's name as it writes it, for example 'The Strategy Unit'.",
    )
    url = models.URLField(
        blank=True,
        verbose_name="website",
        help_text="The organisation's own website, starting https://.",
    )

    url_name = "partner"
    index_url_name = "partner_index"
    index_title = "Partners"
    index_intro = "The organisations the centre runs programmes with."
    index_empty = "No partner is named on a published programme yet."
    eyebrow = "Partner organisation"
    slug_fallback = "partner"
    lookup_attribute = "partners_lookup"

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("slug")]

    class Meta(Named.Meta):
        pass

    @property
    def website(self):
        return self.url

    def structured_data(self, request, url):
        return {
            "@type": "Organization",
            "name": self.name,
            "url": url,
            "sameAs": [self.url] if self.url else [],
            "description": f"Programmes run with {self.name}.",
        }
