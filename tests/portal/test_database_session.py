"""What each PostgreSQL connection is set to: no statement runs on for long, and no query is
JIT-compiled (on a fresh database a search's joins took two seconds to compile, 1 ms to run)."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's session settings"),
]


def show(setting):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {setting}")
        return cursor.fetchone()[0]


def test_each_connection_gives_up_a_long_statement_and_compiles_nothing():
    assert show("statement_timeout") == "20s"
    assert show("jit") == "off"
