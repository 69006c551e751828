import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """People moved to their own app; the column and its rows are unchanged."""

    dependencies = [
        ("publications", "0002_doi_and_web_address"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="publicationauthor",
                    name="person",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="people.person",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
