"""Several editors at once, as the browser edits: no server error, and nothing saved is lost.

A real threaded server (pytest-django's live server) on the suite's database: a SQLite file, or
PostgreSQL when DATABASE_URL points at it. Each editor keeps a page of their own open; every round
the browser fires an autosave, a preview and an editing-session ping together, then saves a draft
or publishes, and reloads the editor as Wagtail's redirect does.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from html import unescape

import pytest
import requests
from django.test import Client
from django.urls import reverse

from viewpoints.factories import ViewpointPageFactory
from viewpoints.models import ViewpointPage

from ..viewpoints.test_content_checks import viewpoint_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EDITORS = 3
ROUNDS = 4
PUBLISH_EVERY = 2
TIMEOUT = 30


class Editor:
    """One browser tab on one page: its cookies, and the editor's hidden revision fields."""

    def __init__(self, base_url, session_cookie, page, number):
        self.base_url = base_url
        self.page = page
        self.number = number
        self.http = requests.Session()
        self.http.cookies.set("sessionid", session_cookie)
        self.responses = []
        self.lock = threading.Lock()
        self.edit_url = base_url + reverse("wagtailadmin_pages:edit", args=(page.pk,))
        self.preview_url = base_url + reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        self.revision = {}

    def record(self, what, response):
        with self.lock:
            self.responses.append((what, response.status_code))
        return response

    def open(self):
        response = self.record("open", self.http.get(self.edit_url, timeout=TIMEOUT))
        self.read_editor(response.text)

    def read_editor(self, html):
        self.ping_url = self.base_url + unescape(
            re.search(r'data-w-swap-src-value="([^"]*editing-sessions/ping/[^"]*)"', html)[1]
        )
        self.revision = {
            name: unescape(value)
            for name, value in re.findall(
                r'name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"', html
            )
        }

    def post(self, what, url, data, **kwargs):
        headers = {"X-CSRFToken": self.http.cookies["csrftoken"], **kwargs.pop("headers", {})}
        return self.record(
            what, self.http.post(url, data=data, headers=headers, timeout=TIMEOUT, **kwargs)
        )

    def form(self, title, **actions):
        data = viewpoint_form(**actions)
        data.update(title=title, slug=f"concurrent-{self.number}")
        return data

    def autosave(self, title):
        data = {**self.form(title), **self.revision}
        json = {"Accept": "application/json"}
        response = self.post("autosave", self.edit_url, data, headers=json)
        if response.status_code == 200:
            body = response.json()
            assert body["success"], body
            self.revision = {"overwrite_revision_id": str(body["revision_id"])}

    def preview(self, title):
        self.post("preview", self.preview_url, self.form(title))
        self.record("preview page", self.http.get(self.preview_url, timeout=TIMEOUT))

    def ping(self):
        data = {"is_editing": "1"}
        if revision_id := self.revision.get("loaded_revision_id"):
            data["revision_id"] = revision_id
        self.post("ping", self.ping_url, data)

    def save(self, title, publish):
        actions = {"publish": True} if publish else {}
        data = {**self.form(title, **actions), **self.revision}
        response = self.post("publish" if publish else "save draft", self.edit_url, data)
        assert response.history and response.history[0].status_code == 302, response.text[:2000]
        self.open()

    def work(self):
        self.open()
        last_saved = last_published = None
        with ThreadPoolExecutor(3) as tab:
            for round_ in range(ROUNDS):
                typed = f"Editor {self.number} typed in round {round_}"
                at_once = [
                    tab.submit(self.autosave, typed),
                    tab.submit(self.preview, typed),
                    tab.submit(self.ping),
                ]
                for future in at_once:
                    future.result()
                publish = round_ % PUBLISH_EVERY == PUBLISH_EVERY - 1
                last_saved = f"Editor {self.number} saved in round {round_}"
                self.save(last_saved, publish)
                if publish:
                    last_published = last_saved
        return last_saved, last_published


@pytest.fixture
def editors(live_server, admin_user, viewpoint_index):
    client = Client()
    client.force_login(admin_user)
    cookie = client.cookies["sessionid"].value
    return [
        Editor(
            live_server.url,
            cookie,
            ViewpointPageFactory(parent=viewpoint_index, slug=f"concurrent-{number}"),
            number,
        )
        for number in range(EDITORS)
    ]


def test_concurrent_editing_loses_nothing_and_never_fails(editors):
    with ThreadPoolExecutor(len(editors)) as pool:
        outcomes = list(pool.map(Editor.work, editors))

    responses = [entry for editor in editors for entry in editor.responses]
    failures = [entry for entry in responses if entry[1] >= 500]
    assert not failures, f"{len(failures)} server errors: {failures[:10]}"
    unexpected = [entry for entry in responses if entry[1] not in (200, 302)]
    assert not unexpected, unexpected
    assert len(responses) >= EDITORS * ROUNDS * 6
    for editor, (last_saved, last_published) in zip(editors, outcomes, strict=True):
        page = ViewpointPage.objects.get(pk=editor.page.pk)
        assert page.get_latest_revision_as_object().title == last_saved
        assert page.live and page.title == last_published
        assert page.revisions.count() >= ROUNDS
