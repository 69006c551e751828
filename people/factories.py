"""Factories for the people and partner organisations that pages name."""

import factory
from factory.django import DjangoModelFactory

from core.factories import ImageFactory
from people.models import Partner, Person


class PersonFactory(DjangoModelFactory):
    """A leader interviewed, or an author."""

    class Meta:
        model = Person

    name = factory.Faker("name", locale="en_GB")
    honorific = factory.Faker("random_element", elements=["", "", "Professor", "Dr"])
    role = factory.Faker("job", locale="en_GB")
    organisation = factory.Faker("company", locale="en_GB")
    photo = None

    class Params:
        with_photo = factory.Trait(photo=factory.SubFactory(ImageFactory))


class PartnerFactory(DjangoModelFactory):
    """An organisation the centre works with (names are unique, so same name, same partner)."""

    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Faker("company", locale="en_GB")
    url = factory.Faker("url")
