"""Factories for viewpoints and their index."""

import factory

from core.factories import BasePageFactory, body_stream, child_of_home, home_page
from people.factories import PersonFactory
from viewpoints.models import ViewpointIndexPage, ViewpointPage


class ViewpointIndexPageFactory(BasePageFactory):
    """The 'Viewpoints' index under the home page."""

    class Meta:
        model = ViewpointIndexPage

    title = "Systems leadership viewpoints"
    slug = "viewpoints"
    parent = factory.LazyFunction(home_page)
    introduction = "<p>Discussion relating to system leadership</p>"


class ViewpointPageFactory(BasePageFactory):
    """A viewpoint by a named person; `author=None` for one by the centre.

    Pass `tags=["integration", ...]` and `focus_areas=[...]` to tag it.
    """

    class Meta:
        model = ViewpointPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(child_of_home(ViewpointIndexPage, ViewpointIndexPageFactory))
    author = factory.SubFactory(PersonFactory)
    date = factory.Faker("date_between", start_date="-2y", end_date="today")
    body = factory.LazyFunction(body_stream)
    focus_areas = factory.LazyFunction(list)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        # Tags go through a cluster relation that is written on save.
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save()
