from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from django.db.models import ForeignKey, IntegerField

        from search import signals
        from search.lookups import AnyOf

        IntegerField.register_lookup(AnyOf)
        ForeignKey.register_lookup(AnyOf)

        signals.connect()
