from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"

    def ready(self):
        # Connects the signal that records which documents each saved page links.
        from publications import documents  # noqa: F401
