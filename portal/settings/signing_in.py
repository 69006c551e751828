"""Staff sign-in: password rules, throttling of wrong passwords, two-step verification."""

from datetime import timedelta

import environ

env = environ.Env()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Every login is a staff login, with the power to publish: at least 12 characters.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Signing in (accounts/). django-axes refuses a locked-out client before the password is checked.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ThrottledSignInBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures allowed from one address for one username (or one page's password) before a lock-out,
# which lifts this many minutes after the last attempt. Counted in the database.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
# The client's address read through the proxies the site trusts, as the contact form reads it
# (CONTACT_TRUSTED_PROXY_COUNT), so that Varnish and nginx in front are never the client.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
# Sign-ins and sign-outs go to the `portal.auth` log instead of a table that only grows.
AXES_DISABLE_ACCESS_LOG = True
# Its start-up banner would be printed by every manage.py command.
AXES_VERBOSE = False
# Two-step verification: on for staff who set it up; for every staff login when this is on.
STAFF_TWO_FACTOR_REQUIRED = env.bool("STAFF_TWO_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = "Systems Leadership Portal"
