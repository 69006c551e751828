"""What site search keeps of its own: the queries that found nothing, and the site's vocabulary."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import normalise_query_string


class ZeroResultQuery(models.Model):
    """How often, on one day, visitors searched for something the site does not have.

    Wagtail's query hits count every search; this keeps the ones that found nothing, so staff
    can see what visitors look for in vain.
    """

    query_string = models.CharField(max_length=255)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query_string", "date"], name="unique_zero_result_day")
        ]
        indexes = [models.Index(fields=["date"])]
        verbose_name = "query with no results"
        verbose_name_plural = "queries with no results"

    def __str__(self):
        return f"{self.query_string} ({self.date})"

    @classmethod
    def add_hit(cls, query_string, date=None):
        date = date or timezone.localdate()
        entry, _ = cls.objects.get_or_create(
            query_string=normalise_query_string(query_string), date=date
        )
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)


class SearchTerm(models.Model):
    """A word used on the site's public pages, and on how many of them: 'Did you mean ...?'."""

    word = models.CharField(max_length=40, unique=True)
    pages = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "search vocabulary word"

    def __str__(self):
        return self.word
