from django.apps import AppConfig


class FocusAreasConfig(AppConfig):
    name = "focus_areas"
