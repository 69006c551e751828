"""The enquiries the contact form stores: what every later step (email, retries, retention,
erasure) reads and writes, below the page that takes them."""

from django.conf import settings
from django.db import models
from wagtail.contrib.forms.models import AbstractFormSubmission


class ContactSubmission(AbstractFormSubmission):
    """An enquiry sent through the contact form, kept until its retention period ends."""

    class Notification(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent yet: will be retried"

    email = models.EmailField(
        max_length=254, blank=True, help_text="The enquirer's address: replies and erasure."
    )
    # A keyed hash of the address the enquiry came from (contact.spam.client_hash), never the
    # address itself: the rate limit counts an address's recent enquiries from it.
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    notification_status = models.CharField(
        max_length=10, choices=Notification.choices, default=Notification.PENDING
    )
    notification_attempts = models.PositiveSmallIntegerField(default=0)
    notification_last_attempt_at = models.DateTimeField(null=True, blank=True)
    notification_error = models.CharField(max_length=500, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "contact form submission"
        verbose_name_plural = "contact form submissions"
        indexes = [
            models.Index(fields=["notification_status", "submit_time"]),
            models.Index(fields=["client_hash", "submit_time"]),
        ]

    def get_data(self):
        return {**super().get_data(), "notification": self.notification_summary()}

    def notification_summary(self):
        if self.notification_status != self.Notification.FAILED:
            return self.get_notification_status_display()
        if self.notification_attempts >= settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS:
            return f"Not sent after {self.notification_attempts} attempts: no more retries"
        return f"Not sent yet ({self.notification_attempts} attempts): will be retried"
