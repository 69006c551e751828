import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Person now lives in the people app; its table and rows are kept (see people 0001)."""

    dependencies = [
        ("interviews", "0004_person_slug_unique"),
        ("people", "0001_initial"),
        # Everything that points at the old model must point at the new one before it goes.
        ("viewpoints", "0002_author_from_people"),
        ("publications", "0003_author_from_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="interviewpage",
                    name="leader",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "The leader interviewed. Someone not yet listed can be added from "
                            "the chooser's 'New person' tab."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="interviews",
                        to="people.person",
                    ),
                ),
                migrations.DeleteModel(name="Person"),
            ],
            database_operations=[],
        ),
    ]
