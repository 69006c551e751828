from django.apps import AppConfig


class ViewpointsConfig(AppConfig):
    name = "viewpoints"
