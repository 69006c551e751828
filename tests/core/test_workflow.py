"""Moderation as the seed sets it up: editors submit, moderators approve, then it is live."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import StandardPage
from devdata.seed.groups import seed_groups_and_workflow
from devdata.seed.report import SeedReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded_home(home):
    seed_groups_and_workflow(SeedReport(), home)
    return home


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        username=group_name.lower(), email=f"{group_name.lower()}@example.ac.uk", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor_user(django_user_model, seeded_home):
    return member_of(django_user_model, "Editors")


@pytest.fixture
def moderator_user(django_user_model, seeded_home):
    return member_of(django_user_model, "Moderators")


def page_form(title, **actions):
    """The create/edit form of a standard page, as the admin posts it."""
    data = nested_form_data(
        {
            "title": title,
            "slug": "collaboration-in-practice",
            "summary": "How leaders collaborate across a system.",
            "search_description": "How leaders collaborate across a system.",
            "body": streamfield([("paragraph", rich_text("<p>Leaders share a purpose.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data.update({f"action-{action}": "action" for action, on in actions.items() if on})
    return data


def create_url(parent):
    return reverse("wagtailadmin_pages:add", args=("core", "standardpage", parent.pk))


def test_an_editor_can_submit_for_moderation(client, seeded_home, editor_user):
    client.force_login(editor_user)

    response = client.post(create_url(seeded_home), page_form("Collaboration", submit=True))

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="collaboration-in-practice")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderation"
    assert state.current_task_state.task.name == "Moderators approval"
    # The draft is not on the site.
    assert client.get("/collaboration-in-practice/").status_code == 404


def test_an_editor_cannot_publish(client, seeded_home, editor_user):
    client.force_login(editor_user)

    client.post(create_url(seeded_home), page_form("Collaboration", publish=True))

    page = StandardPage.objects.get(slug="collaboration-in-practice")
    assert not page.live and page.live_revision is None
    assert not page.permissions_for_user(editor_user).can_publish()
    client.logout()
    assert client.get("/collaboration-in-practice/").status_code == 404


def test_an_editor_cannot_add_pages_outside_the_site(client, seeded_home, editor_user):
    client.force_login(editor_user)

    response = client.get(create_url(Page.get_first_root_node()))

    assert response.status_code in (302, 403)
    assert not Page.get_first_root_node().permissions_for_user(editor_user).can_add_subpage()


def test_a_moderator_approves_and_the_page_goes_live(
    client, seeded_home, editor_user, moderator_user
):
    client.force_login(editor_user)
    client.post(create_url(seeded_home), page_form("Collaboration", submit=True))
    page = StandardPage.objects.get(slug="collaboration-in-practice")
    task_state = page.current_workflow_task_state

    client.force_login(moderator_user)
    # The moderator finds it waiting on their dashboard.
    assert "Collaboration" in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": "Good to go."},
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    client.logout()
    response = client.get("/collaboration-in-practice/")
    assert response.status_code == 200
    assert b"Leaders share a purpose." in response.content


def test_a_moderator_can_reject_and_the_page_stays_a_draft(
    client, seeded_home, editor_user, moderator_user
):
    client.force_login(editor_user)
    client.post(create_url(seeded_home), page_form("Collaboration", submit=True))
    page = StandardPage.objects.get(slug="collaboration-in-practice")
    task_state = page.current_workflow_task_state

    client.force_login(moderator_user)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
        {"comment": "Needs a source."},
    )

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_an_editor_cannot_approve(client, seeded_home, editor_user):
    client.force_login(editor_user)
    client.post(create_url(seeded_home), page_form("Collaboration", submit=True))
    page = StandardPage.objects.get(slug="collaboration-in-practice")
    task_state = page.current_workflow_task_state

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": ""},
    )

    # Wagtail turns the editor away to the dashboard with a "permission denied" message.
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_moderator_can_publish_directly(client, seeded_home, moderator_user):
    client.force_login(moderator_user)

    client.post(create_url(seeded_home), page_form("Collaboration", publish=True))

    assert StandardPage.objects.get(slug="collaboration-in-practice").live
