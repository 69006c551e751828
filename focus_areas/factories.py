"""Factories for the focus areas index and its pages."""

import factory

from core.factories import BasePageFactory, body_stream, child_of_home, home_page, rich_text
from focus_areas.models import FocusAreaIndexPage, FocusAreaPage


class FocusAreaIndexPageFactory(BasePageFactory):
    """The 'Focus areas' index under the home page."""

    class Meta:
        model = FocusAreaIndexPage

    title = "Focus areas"
    slug = "focus-areas"
    parent = factory.LazyFunction(home_page)
    introduction = factory.LazyFunction(lambda: rich_text(1))


class FocusAreaPageFactory(BasePageFactory):
    """One focus area (such as Evaluation) under the focus areas index."""

    class Meta:
        model = FocusAreaPage

    title = factory.Iterator(["Evaluation", "Development", "Research"])
    parent = factory.LazyFunction(child_of_home(FocusAreaIndexPage, FocusAreaIndexPageFactory))
    body = factory.LazyFunction(body_stream)
