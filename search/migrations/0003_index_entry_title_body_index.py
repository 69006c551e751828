"""On PostgreSQL: a GIN index on the index entries' title || body, the vector every search filters on.

Wagtail's database backend matches `title || body @@ query` but its migrations index the two
vectors only separately, so without this every search reads the whole index table. It lives
here, beside the search that needs it, and does nothing on SQLite (FTS5 has its own index).
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_trigram_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
