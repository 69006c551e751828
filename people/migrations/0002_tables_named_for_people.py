from django.db import migrations


class Migration(migrations.Migration):
    """The moved tables take this app's names; foreign keys to them follow the rename."""

    dependencies = [
        ("people", "0001_initial"),
        ("interviews", "0005_person_moves_to_people"),
        ("programmes", "0005_partner_moves_to_people"),
        ("viewpoints", "0002_author_from_people"),
        ("publications", "0003_author_from_people"),
    ]

    operations = [
        migrations.AlterModelTable(name="person", table=None),
        migrations.AlterModelTable(name="partner", table=None),
    ]
