from django.db import migrations
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    """Give every person a slug made from their name, unique ('-2', '-3' for namesakes)."""
    model = apps.get_model("interviews", "Person")
    taken = set()
    for obj in model.objects.order_by("pk"):
        base = slugify(obj.name)[:249].strip("-") or "person"
        slug, number = base, 2
        while slug in taken:
            slug = f"{base}-{number}"
            number += 1
        taken.add(slug)
        obj.slug = slug
        obj.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0002_person_slug"),
    ]

    operations = [
        migrations.RunPython(fill_slugs, migrations.RunPython.noop, elidable=True),
    ]
