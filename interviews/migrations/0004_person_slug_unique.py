from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0003_fill_person_slugs"),
    ]

    operations = [
        migrations.AlterField(
            model_name="person",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The end of their page's address, /people/<slug>/. Made from the name if empty.",
                max_length=255,
                unique=True,
            ),
        ),
    ]
