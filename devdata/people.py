"""People and partner organisations, imported here only, for the seed and the generator alike."""

from interviews.models import Person
from programmes.models import Partner

__all__ = ["Partner", "Person"]
