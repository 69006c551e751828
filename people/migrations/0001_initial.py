import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models

# Person and Partner were first made in interviews and programmes. Their tables and rows stay as
# they are: this only tells Django that the models now belong here (the tables get this app's names
# in 0002).
MOVED = [("person", "interviews"), ("partner", "programmes")]


def move_content_types(apps, schema_editor):
    """Keep the content types, so staff permissions, search entries and logs stay attached."""
    content_type = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED:
        if not content_type.objects.filter(app_label="people", model=model).exists():
            content_type.objects.filter(app_label=old_app, model=model).update(app_label="people")
    content_type.objects.clear_cache()


def return_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED:
        if not content_type.objects.filter(app_label=old_app, model=model).exists():
            content_type.objects.filter(app_label="people", model=model).update(app_label=old_app)
    content_type.objects.clear_cache()


SLUG_HELP = "The end of the page's web address. Made from the name if left empty."


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("images", "0001_initial"),
        ("interviews", "0004_person_slug_unique"),
        ("programmes", "0004_partner_slug_unique"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Partner",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                blank=True, help_text=SLUG_HELP, max_length=255, unique=True
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text=(
                                    "The organisation's name as it writes it, for example "
                                    "'The Strategy Unit'."
                                ),
                                max_length=255,
                                unique=True,
                            ),
                        ),
                        (
                            "url",
                            models.URLField(
                                blank=True,
                                help_text="The organisation's own website, starting https://.",
                                verbose_name="website",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["name"],
                        "abstract": False,
                        "db_table": "programmes_partner",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="Person",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                blank=True, help_text=SLUG_HELP, max_length=255, unique=True
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text=(
                                    "Their name as it is written, without a title such as 'Dr'."
                                ),
                                max_length=255,
                            ),
                        ),
                        (
                            "honorific",
                            models.CharField(
                                blank=True,
                                help_text=(
                                    "A title written before the name, for example 'Professor'. "
                                    "Leave empty if none."
                                ),
                                max_length=50,
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                blank=True,
                                help_text="Their job title, for example 'Chief Executive'.",
                                max_length=255,
                            ),
                        ),
                        (
                            "organisation",
                            models.CharField(
                                blank=True,
                                help_text="Where they work, for example 'NHS England'.",
                                max_length=255,
                            ),
                        ),
                        (
                            "photo",
                            models.ForeignKey(
                                blank=True,
                                help_text=(
                                    "A head-and-shoulders photo, cropped square on their page. "
                                    "Give the photographer in the image's 'Credit'. Shown beside "
                                    "their name, so screen readers skip it."
                                ),
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="images.customimage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "people",
                        "ordering": ["name"],
                        "abstract": False,
                        "db_table": "interviews_person",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, return_content_types),
    ]
