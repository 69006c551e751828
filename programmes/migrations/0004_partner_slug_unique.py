from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0003_fill_partner_slugs"),
    ]

    operations = [
        migrations.AlterField(
            model_name="partner",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The end of its page's address, /partners/<slug>/. Made from the name if empty.",
                max_length=255,
                unique=True,
            ),
        ),
    ]
