"""The kinds of publication, which decide how each is cited and described to search engines."""

from django.db import models


class PublicationKind(models.TextChoices):
    REPORT = "report", "Report"
    EVALUATION = "evaluation", "Evaluation"
    ARTICLE = "article", "Journal article"
    BRIEFING = "briefing", "Briefing"
    CHAPTER = "chapter", "Book chapter"
    OTHER = "other", "Other"
