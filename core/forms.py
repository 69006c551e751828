"""Admin forms shared by the site's page types."""

from wagtail.admin.forms import WagtailAdminPageForm

SUMMARY_REQUIRED = (
    "Write a summary before publishing: search engines, shared links and listings show it. "
    "A draft can be saved without one."
)


class SummaryRequiredMixin:
    """A page needs a summary (its meta description) to be published, not to be saved as a draft.

    Wagtail relaxes required fields when an editor saves a draft (`defer_required_fields`), so a
    required form field holds only for publishing, scheduling and submitting for moderation. The
    database field stays optional: pages saved by code, and drafts, may have none.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("summary")
        if field is not None:
            field.required = True
            field.error_messages["required"] = SUMMARY_REQUIRED


class BasePageForm(SummaryRequiredMixin, WagtailAdminPageForm):
    pass
