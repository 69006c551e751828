from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in: throttling, the authentication log and two-step verification."""

    name = "accounts"
    verbose_name = "Staff sign-in"

    def ready(self):
        from accounts import signals  # noqa: F401  (connects the authentication log)
