from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image in the library, with an optional credit shown under it."""

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
