"""`manage.py ensure_admin`: make sure the 'admin' superuser exists and moderates.

An existing login keeps its password and its email address; it is only given an address from
ADMIN_EMAIL when it has none, and put in the Moderators group, so moderation mail reaches it.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email

from devdata.management.base import DevDataCommand

USERNAME = "admin"
# Where moderation mail goes when ADMIN_EMAIL is unset: under `make run` it is printed.
DEFAULT_EMAIL = "admin@localhost"
MODERATORS = "Moderators"


class Command(DevDataCommand):
    help = (
        "Create the superuser 'admin' if it does not exist: password from ADMIN_PASSWORD "
        "(refused when Django's password validators find it weak), else a generated one "
        "printed once; email from ADMIN_EMAIL. An existing 'admin' keeps "
        "its password and address. It is put in the Moderators group when that exists."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        email = self.admin_email()
        admin = User.objects.filter(username=USERNAME).first()
        if admin is None:
            admin = self.create(User, email)
        else:
            self.stdout.write(f"The '{USERNAME}' login already exists; its password is kept.")
            if not admin.email:
                admin.email = email
                admin.save(update_fields=["email"])
                self.stdout.write(f"Its email address is now {email}.")
        self.join_moderators(admin)

    def admin_email(self):
        email = os.environ.get("ADMIN_EMAIL", "").strip() or DEFAULT_EMAIL
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"ADMIN_EMAIL is not an email address: {email!r}") from error
        return email

    def create(self, User, email):
        password = os.environ.get("ADMIN_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(18)
        # The generated one too: a validator added later must not be skipped for it.
        self.refuse_if_weak(password, User(username=USERNAME, email=email), generated)
        admin = User.objects.create_superuser(username=USERNAME, email=email, password=password)
        if generated:
            # Shown this once only: it is stored hashed and never printed again.
            self.stdout.write(f"Admin login: {USERNAME} / {password}")
        else:
            self.stdout.write(f"Admin login: {USERNAME} (password from ADMIN_PASSWORD)")
        return admin

    def join_moderators(self, admin):
        group = Group.objects.filter(name=MODERATORS).first()
        if group is not None and not admin.groups.filter(pk=group.pk).exists():
            admin.groups.add(group)
            self.stdout.write(
                f"'{USERNAME}' is in the {MODERATORS} group: it gets moderation mail."
            )

    def refuse_if_weak(self, password, user, generated):
        try:
            validate_password(password, user)
        except ValidationError as error:
            source = "The generated password" if generated else "ADMIN_PASSWORD"
            raise CommandError(
                f"{source} is too weak: " + " ".join(error.messages) + " "
                "Choose a long passphrase (at least 12 characters, not a common password) "
                "or leave ADMIN_PASSWORD unset to have one generated."
            ) from error
