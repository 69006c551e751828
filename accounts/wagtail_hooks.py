from django.urls import path, reverse
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.set_up, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": "Two-step verification",
        "help_text": "Ask for a code from an authenticator app after your password.",
    }
