import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    """Partner now lives in the people app; its table and rows are kept (see people 0001)."""

    dependencies = [
        ("programmes", "0004_partner_slug_unique"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="programmepage",
                    name="partners",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="programmes", to="people.partner"
                    ),
                ),
                migrations.DeleteModel(name="Partner"),
            ],
            database_operations=[],
        ),
    ]
