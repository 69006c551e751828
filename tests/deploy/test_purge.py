"""Changing a page purges it, the pages above it, the home page, feeds and the sitemap."""

import pytest
from django.db import transaction
from wagtail.models import Page

from tests.deploy import recording

SITE_WIDE = {
    "http://localhost/",
    "http://localhost/feeds/*",
    "http://localhost/sitemap.xml",
    "http://localhost/people/*",
    "http://localhost/partners/*",
    "http://localhost/search/*",
}


@pytest.fixture
def purged(settings):
    """The addresses purged, in order, through a backend that records them."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.deploy.recording.RecordingBackend"}
    }
    recording.PURGED.clear()
    yield recording.PURGED
    recording.PURGED.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit, as the end of a real request's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def viewpoint(viewpoint_index):
    from viewpoints.factories import ViewpointPageFactory

    return ViewpointPageFactory(parent=viewpoint_index, title="On trust", slug="on-trust")


def test_publishing_purges_the_page_its_listings_home_feeds_and_sitemap(
    purged, committed, viewpoint
):
    viewpoint.title = "On trust, revised"
    with committed():
        viewpoint.save_revision().publish()

    assert (
        set(purged)
        == {
            "http://localhost/viewpoints/on-trust/",
            "http://localhost/viewpoints/",
        }
        | SITE_WIDE
    )


def test_unpublishing_purges_the_page_and_what_lies_under_it(purged, committed, viewpoint):
    with committed():
        viewpoint.unpublish()

    assert {"http://localhost/viewpoints/on-trust/", "http://localhost/viewpoints/on-trust/*"} <= (
        set(purged)
    )
    assert SITE_WIDE | {"http://localhost/viewpoints/"} <= set(purged)


def test_moving_purges_the_old_and_the_new_place(purged, committed, viewpoint, publication_index):
    with committed():
        viewpoint.move(publication_index, pos="last-child")

    assert "http://localhost/viewpoints/on-trust/*" in purged
    assert "http://localhost/publications/on-trust/*" in purged
    assert {"http://localhost/viewpoints/", "http://localhost/publications/"} <= set(purged)


def test_renaming_purges_the_old_address(purged, committed, viewpoint):
    viewpoint.slug = "on-trust-2"
    with committed():
        viewpoint.save_revision().publish()

    assert "http://localhost/viewpoints/on-trust/*" in purged
    assert "http://localhost/viewpoints/on-trust-2/" in purged


def test_deleting_purges_the_page_and_its_listing(purged, committed, viewpoint):
    with committed():
        Page.objects.get(pk=viewpoint.pk).delete()

    assert "http://localhost/viewpoints/on-trust/*" in purged
    assert SITE_WIDE | {"http://localhost/viewpoints/"} <= set(purged)


def test_a_draft_deleted_purges_nothing(purged, committed, viewpoint_index):
    from viewpoints.factories import ViewpointPageFactory

    draft = ViewpointPageFactory(parent=viewpoint_index, live=False)
    with committed():
        Page.objects.get(pk=draft.pk).delete()

    assert purged == []


def test_purges_wait_for_the_commit_and_are_sent_once(purged, committed, viewpoint_index):
    from viewpoints.factories import ViewpointPageFactory

    first = ViewpointPageFactory(parent=viewpoint_index, slug="first")
    second = ViewpointPageFactory(parent=viewpoint_index, slug="second")
    with committed():
        first.save_revision().publish()
        second.save_revision().publish()
        assert purged == []

    assert {"http://localhost/viewpoints/first/", "http://localhost/viewpoints/second/"} <= (
        set(purged)
    )
    assert purged.count("http://localhost/") == 1


def test_a_rolled_back_change_purges_nothing(purged, committed, viewpoint_index):
    from viewpoints.factories import ViewpointPageFactory

    page = ViewpointPageFactory(parent=viewpoint_index, slug="kept")
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        page.save_revision().publish()
        raise RuntimeError("the editor's save failed")
    assert purged == []

    page = Page.objects.get(pk=page.pk).specific
    with committed():
        page.save_revision().publish()
    assert "http://localhost/viewpoints/kept/" in purged


def test_without_a_cache_configured_nothing_is_sent(settings, committed, viewpoint):
    settings.WAGTAILFRONTENDCACHE = {}
    recording.PURGED.clear()
    with committed():
        viewpoint.save_revision().publish()
    assert recording.PURGED == []


def test_the_search_pages_are_purged_again_once_a_worker_has_updated_the_index(purged, viewpoint):
    from django_tasks.signals import task_finished
    from django_tasks_db import DatabaseBackend
    from modelsearch.tasks import insert_or_update_object_task

    # What the worker reports after running the index update that a publish queued.
    result = insert_or_update_object_task.enqueue("viewpoints", "viewpointpage", viewpoint.pk)
    purged.clear()
    task_finished.send(sender=DatabaseBackend, task_result=result)

    assert purged == ["http://localhost/search/*"]
