"""Page querysets that ask the database everything in the query they are part of."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        """Pages in a private section: the page or an ancestor has a view restriction.

        Wagtail's own version first reads every restriction (a query for each listing on a
        page); here it is a subquery of the listing's own query: a restricted page whose tree
        path begins this page's path.
        """
        return Exists(
            PageViewRestriction.objects.filter(
                page__path=Substr(OuterRef("path"), 1, Length("page__path"))
            )
        )


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)
