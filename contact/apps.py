from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "contact"

    def ready(self):
        from wagtail.signals import page_published

        from contact.models import on_page_published

        page_published.connect(on_page_published, dispatch_uid="contact-send-waiting")
