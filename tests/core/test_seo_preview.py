"""Editors' previews render the head, related content and citations of pages not yet saved."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from people.factories import PersonFactory
from publications.factories import PublicationPageFactory
from tests.core.html import ld_json, of_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def publication_form(person, focus_area):
    data = nested_form_data(
        {
            "title": "Leading together",
            "slug": "leading-together",
            "summary": "What leaders learnt.",
            "kind": "report",
            "year": "2021",
            "body": streamfield([("paragraph", rich_text("<p>Findings.</p>"))]),
            "doi": "10.1000/together",
            "external_url": "",
            "authors": inline_formset([{"person": person.pk}]),
            "comments": inline_formset([]),
        }
    )
    # Checkboxes: one value per ticked box, under the field's own name.
    data["focus_areas"] = [focus_area.pk]
    return data


def preview(admin_client, url, data):
    posted = admin_client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    response = admin_client.get(url)
    assert response.status_code == 200
    return response


def test_preview_of_a_new_publication(admin_client, publication_index, focus_areas):
    person = PersonFactory(name="Ann Lee", honorific="")
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("publications", "publicationpage", publication_index.pk),
    )

    response = preview(admin_client, url, publication_form(person, focus_areas[0]))

    content = response.content.decode()
    assert "Lee, A. (2021)" in content
    assert '<meta name="citation_author" content="Lee, Ann">' in content
    report = of_type(ld_json(response), "Report")
    assert report["name"] == "Leading together"
    # Not saved yet, so there is nothing to download.
    assert "/citations/" not in content


def test_preview_of_changes_to_a_live_publication(admin_client, publication_index, focus_areas):
    page = PublicationPageFactory(parent=publication_index, focus_areas=[focus_areas[0]])
    PublicationPageFactory(parent=publication_index, focus_areas=[focus_areas[0]])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))

    response = preview(
        admin_client, url, publication_form(PersonFactory(name="Ann Lee"), focus_areas[0])
    )

    content = response.content.decode()
    assert 'id="related-heading"' in content
    assert f"/citations/{page.pk}.bib" in content
    assert of_type(ld_json(response), "BreadcrumbList")["itemListElement"][-1]["name"] == (
        "Leading together"
    )
