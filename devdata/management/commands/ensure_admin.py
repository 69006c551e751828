"""`manage.py ensure_admin`: make sure the 'admin' superuser exists, without ever changing it."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from devdata.management.base import DevDataCommand

USERNAME = "admin"


class Command(DevDataCommand):
    help = (
        "Create the superuser 'admin' if it does not exist: password from ADMIN_PASSWORD, "
        "else a generated one printed once. An existing 'admin' is left as it is."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"The '{USERNAME}' login already exists; nothing changed.")
            return
        password = os.environ.get("ADMIN_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(18)
        else:
            self.warn_if_weak(password, User(username=USERNAME))
        User.objects.create_superuser(username=USERNAME, email="", password=password)
        if generated:
            # Shown this once only: it is stored hashed and never printed again.
            self.stdout.write(f"Admin login: {USERNAME} / {password}")
        else:
            self.stdout.write(f"Admin login: {USERNAME} (password from ADMIN_PASSWORD)")

    def warn_if_weak(self, password, user):
        try:
            validate_password(password, user)
        except ValidationError as error:
            self.stderr.write(
                "Warning: ADMIN_PASSWORD is weak (" + " ".join(error.messages) + ") "
                "Fine on your own machine; choose a strong one anywhere else."
            )
