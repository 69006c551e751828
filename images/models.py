from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image in the library, with an optional credit shown under it."""

    title = models.CharField(
        max_length=255,
        verbose_name="title",
        help_text="Its name in the library, read aloud in place of a description if there is none.",
    )
    description = models.CharField(
        max_length=255,
        blank=True,
        default="",
        verbose_name="description",
        help_text=(
            "What the picture shows, for people who cannot see it: this is its alt text wherever "
            "it is used, unless a block gives its own. E.g. 'Two nurses talking at a ward desk'."
        ),
    )

    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who took or owns the picture, shown under it, e.g. Photo: Jane Smith.",
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
