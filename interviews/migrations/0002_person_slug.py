from django.db import migrations, models


class Migration(migrations.Migration):
    """Adds the slug without its unique index: the rows that exist get theirs in the next step."""

    dependencies = [
        ("interviews", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="slug",
            field=models.SlugField(blank=True, default="", max_length=255, db_index=False),
            preserve_default=False,
        ),
    ]
