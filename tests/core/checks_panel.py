"""Reading the editors' content checks out of the admin's Checks panel."""

import re
from html import unescape

from django.urls import reverse

ROW = re.compile(r"<li [^>]*data-portal-content-check>(.*?)</li>", re.S)


def panel_warnings(html):
    """The content checks listed in the Checks panel of an editor page."""
    assert "data-portal-content-checks" in html, "The Checks panel is not on this page"
    return [unescape(text.strip()) for text in ROW.findall(html)]


def editor_warnings(client, page):
    """The content checks an editor sees on opening the page, and that none came as messages."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    assert [m.message for m in response.context["messages"]] == []
    return panel_warnings(response.content.decode())
