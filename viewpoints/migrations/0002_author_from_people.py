import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """People moved to their own app; the column and its rows are unchanged."""

    dependencies = [
        ("viewpoints", "0001_initial"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="viewpointpage",
                    name="author",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Leave empty when the centre is the author.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="viewpoints",
                        to="people.person",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
