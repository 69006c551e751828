"""The fixed choices editors pick from on a programme, and that the listing filters by."""

from django.db import models


class ProgrammeStatus(models.TextChoices):
    DELIVERED = "delivered", "Delivered"
    CURRENT = "current", "Current"
    IN_DEVELOPMENT = "in_development", "In development"


class DatePrecision(models.TextChoices):
    YEAR = "year", "Years only"
    DAY = "day", "Full dates"


class DeliveryMode(models.TextChoices):
    # schema.org's courseMode words, so structured data can say them as they are.
    ONSITE = "onsite", "In person"
    ONLINE = "online", "Online"
    BLENDED = "blended", "In person and online"
