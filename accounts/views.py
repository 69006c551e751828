"""The admin's two-step verification pages: set up an authenticator app, and give its code."""

import logging
from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import verify_token

from accounts.forms import CodeForm
from accounts.signals import client, shown
from accounts.two_factor import confirmed_device, pending_device

log = logging.getLogger("portal.auth")


def next_url(request, default=None):
    """Where to go afterwards: the `next` address when it is on this site, else the admin."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default or reverse("wagtailadmin_home")


def check_code(request, device, form):
    """None when the code is right (the session is then verified), else the status to answer."""
    allowed, _ = device.verify_is_allowed()
    username = shown(request.user.get_username())
    if not allowed:
        form.add_error("code", "Too many wrong codes. Wait a minute, then enter the newest code.")
        log.warning("Two-step code refused for %s from %s: throttled", username, client(request))
        return 429
    if verify_token(request.user, device.persistent_id, form.cleaned_data["code"]) is None:
        form.add_error(
            "code", "That code is not right. Enter the newest code your authenticator app shows."
        )
        log.warning("Wrong two-step code for %s from %s", username, client(request))
        return 400
    otp_login(request, device)
    log.info("Two-step code accepted for %s from %s", username, client(request))
    return None


def verify(request):
    """The second step of signing in, for staff who have set up an authenticator app."""
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = check_code(request, device, form) if form.is_valid() else 400
        if status is None:
            return redirect(next_url(request))
    context = {"form": form, "next": next_url(request)}
    return render(request, "accounts/two_factor_verify.html", context, status=status)


def set_up(request):
    """Turn two-step verification on (scan a QR code, confirm a code), or off again."""
    user = request.user
    device = confirmed_device(user)
    required = settings.STAFF_TWO_FACTOR_REQUIRED
    if device is not None:
        if request.method == "POST" and "turn_off" in request.POST and not required:
            device.delete()
            log.info("Two-step verification turned off by %s", shown(user.get_username()))
            messages.success(request, "Two-step verification is off.")
            return redirect("accounts_two_factor")
        return render(request, "accounts/two_factor.html", {"device": device, "required": required})
    device = pending_device(user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = check_code(request, device, form) if form.is_valid() else 400
        if status is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            log.info("Two-step verification turned on by %s", shown(user.get_username()))
            messages.success(request, "Two-step verification is on.")
            return redirect(next_url(request, default=reverse("accounts_two_factor")))
    context = {
        "form": form,
        "required": required,
        "next": next_url(request, default=reverse("accounts_two_factor")),
        "qr_code": segno.make(device.config_url).svg_data_uri(scale=5, border=4),
        "secret": b32encode(device.bin_key).decode(),
    }
    return render(request, "accounts/two_factor.html", context, status=status)
