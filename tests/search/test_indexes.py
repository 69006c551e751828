"""The PostgreSQL indexes the search's plans rely on, as the migrations leave them."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own indexes"),
]


def definitions(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


def test_index_entries_are_indexed_by_the_vector_every_search_matches():
    indexes = definitions("wagtailsearch_indexentry")

    assert "gin" in indexes["search_indexentry_title_body_gin"]
    assert "(title || body)" in indexes["search_indexentry_title_body_gin"]


def test_pages_are_indexed_by_the_text_id_index_entries_join_on():
    indexes = definitions("wagtailcore_page")

    assert "(id)::character varying(50))::text" in indexes["search_page_id_as_text"]
