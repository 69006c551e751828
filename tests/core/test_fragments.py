"""A page view that misses the HTTP cache renders its content from a kept fragment, and the
fragment goes as soon as anything it shows changes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.factories import PersonFactory
from viewpoints.factories import ViewpointPageFactory


def queries_and_html(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_second_view_renders_the_content_from_the_fragment(client, viewpoint_index):
    author = PersonFactory(name="Ada Quarrender")
    ViewpointPageFactory(parent=viewpoint_index, title="Trust across boundaries", author=author)

    first, first_html = queries_and_html(client, viewpoint_index.url)
    second, second_html = queries_and_html(client, viewpoint_index.url)

    assert second < first
    assert second_html == first_html
    assert "Trust across boundaries" in second_html


def test_a_new_page_shows_in_the_listing_at_once(client, viewpoint_index):
    ViewpointPageFactory(parent=viewpoint_index, title="Trust across boundaries")
    client.get(viewpoint_index.url)

    ViewpointPageFactory(parent=viewpoint_index, title="Leading without authority")

    assert "Leading without authority" in client.get(viewpoint_index.url).content.decode()


def test_a_renamed_person_shows_at_once(client, viewpoint_index):
    author = PersonFactory(name="Ada Quarrender")
    page = ViewpointPageFactory(parent=viewpoint_index, author=author)
    assert "Ada Quarrender" in client.get(page.url).content.decode()

    author.name = "Ada Quarrender-Lisle"
    author.save()

    assert "Ada Quarrender-Lisle" in client.get(page.url).content.decode()


def test_each_page_of_a_listing_is_its_own_fragment(client, viewpoint_index):
    for number in range(12):
        ViewpointPageFactory(parent=viewpoint_index, title=f"Viewpoint number {number:02d}")
    first = client.get(viewpoint_index.url).content.decode()
    second = client.get(viewpoint_index.url + "?page=2").content.decode()

    assert first != second
    assert client.get(viewpoint_index.url + "?page=2").content.decode() == second


def test_the_contact_form_is_never_kept(client, contact_page):
    first = client.get(contact_page.url)
    other = client.__class__().get(contact_page.url)
    # Each visitor's form carries their own CSRF token.
    assert first.cookies["csrftoken"].value != other.cookies["csrftoken"].value
    token = first.cookies["csrftoken"].value
    assert client.get(contact_page.url).content.decode().count("csrfmiddlewaretoken") == 1
    answer = client.post(contact_page.url, {"csrfmiddlewaretoken": token})
    assert answer.status_code == 400
    assert "There is a problem" in answer.content.decode()
    assert "There is a problem" not in client.get(contact_page.url).content.decode()
