"""The admin's home page shows this site's dashboard; the help menu leads to our editor guide."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from contact.factories import ContactSubmissionFactory
from contact.models import ContactSubmission
from core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(client, django_user_model, home):
    user = django_user_model.objects.create_superuser("boss", "b@example.ac.uk", "x")
    client.force_login(user)
    return user


def test_the_login_carries_the_sites_name(client):
    response = client.get(reverse("wagtailadmin_login"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Sign in to the Systems Leadership Portal" in html
    assert "Sign in to Wagtail" not in html
    assert "<title>Sign in - Systems Leadership Portal</title>" in html


def test_the_dashboard_offers_to_add_each_content_type_where_it_belongs(
    client, boss, interview_index, viewpoint_index
):
    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert response.status_code == 200
    add_interview = reverse(
        "wagtailadmin_pages:add", args=["interviews", "interviewpage", interview_index.pk]
    )
    add_viewpoint = reverse(
        "wagtailadmin_pages:add", args=["viewpoints", "viewpointpage", viewpoint_index.pk]
    )
    assert f'href="{add_interview}"' in html
    assert f'href="{add_viewpoint}"' in html
    assert "Add an interview page" in html and "Add a viewpoint page" in html
    assert "<title>Dashboard - Systems Leadership Portal</title>" in html
    # No section page for programmes yet: nowhere to add one.
    assert "add a programme" not in html.lower()


def test_the_dashboard_counts_enquiries_waiting_and_names_pages_failing_a_check(
    client, boss, contact_page, home
):
    ContactSubmissionFactory(page=contact_page, notification_status="failed")
    ContactSubmissionFactory(
        page=contact_page, notification_status=ContactSubmission.Notification.SENT
    )
    contact_page.to_address = ""
    contact_page.save()

    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert "Enquiries waiting to be sent</a>: 1" in html
    assert "Pages that fail a content check" in html
    assert contact_page.title in html
    assert "Nobody is set to receive enquiries" in html


def test_the_dashboard_lists_pages_awaiting_moderation(client, boss, home):
    page = StandardPageFactory(parent=home, title="Waiting for a moderator")
    page.save_revision()
    Workflow.objects.get(active=True).start(page, boss)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Pages awaiting moderation: 1" in html
    assert "Waiting for a moderator" in html


def test_the_editor_guide_is_in_the_help_menu(client, boss):
    guide = client.get(reverse("editor_guide"))
    home = client.get(reverse("wagtailadmin_home"))

    assert guide.status_code == 200
    assert "Editor guide" in guide.content.decode()
    assert "Send enquiries to" in guide.content.decode()
    assert reverse("editor_guide") in home.content.decode()


def test_the_editor_guide_is_for_staff_only(client):
    response = client.get(reverse("editor_guide"))

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url
