"""The programmes' calendar files (the pages themselves are served by Wagtail)."""

from django.urls import re_path

from programmes.key_facts import CALENDAR_FILE
from programmes.views import apply_by_calendar

urlpatterns = [
    re_path(
        rf"^(?P<page_path>(?:[\w\-]+/)+){CALENDAR_FILE.replace('.', r'\.')}$",
        apply_by_calendar,
        name="programme_apply_by_calendar",
    ),
]
