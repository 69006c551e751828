"""What a programme page and its card say about applying, cost and whom to ask."""

from django.utils import timezone

from programmes import applications

# The file that holds a programme's closing date, under the programme's own address.
CALENDAR_FILE = "apply-by.ics"
KEY_FACT_FIELDS = [
    "audience",
    "delivery_mode",
    "format",
    "duration",
    "cost_note",
    "funding",
    "leads_to",
    "application_mode",
    "how_to_apply_url",
    "how_to_apply",
    "contact_name",
    "contact_email",
]

# As editors gave them; the audience is already in the API.
KEY_FACTS_IN_API = [name for name in KEY_FACT_FIELDS if name != "audience"] + [
    "cost",
    "applications_open",
    "applications_close",
]


class KeyFactsMixin:
    """Visitors' wording of a programme's key facts and application window."""

    def get_application_window(self, today=None):
        return applications.window_rule(today or timezone.localdate()).value_of(self)

    @property
    def application_window(self):
        return self.get_application_window()

    def get_application_label(self, today=None):
        today = today or timezone.localdate()
        return applications.window_label(
            self.get_application_window(today),
            self.applications_open,
            self.applications_close,
            today,
        )

    @property
    def application_label(self):
        """'Applications open until 12 March', 'Register interest'...; "" if none."""
        return self.get_application_label()

    def label_changes_on(self, today=None):
        return applications.next_change(
            self.application_mode,
            self.applications_open,
            self.applications_close,
            today or timezone.localdate(),
        )

    @property
    def apply_link_text(self):
        """The words of the link to the application form, true to the window today."""
        window = self.application_window
        if window == applications.ApplicationWindow.REGISTER_INTEREST:
            return "Register your interest"
        if window == applications.ApplicationWindow.OPEN:
            return "Apply"
        return "About applying"

    @property
    def cost_label(self):
        if self.cost is None:
            return ""
        if self.cost == 0:
            return "Free"
        return f"£{self.cost:,.2f}".removesuffix(".00")

    @property
    def has_key_facts(self):
        return any(getattr(self, name) for name in KEY_FACT_FIELDS) or self.cost is not None

    @property
    def apply_by_calendar_url(self):
        """The closing date as a calendar file (programmes/urls.py), when there is one."""
        if not self.applications_close:
            return ""
        return self.url + CALENDAR_FILE
