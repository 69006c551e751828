from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from core import cache, fragments, navigation
        from core.richtext_threads import make_rich_text_thread_safe

        navigation.connect()
        cache.connect()
        fragments.connect()
        make_rich_text_thread_safe()
