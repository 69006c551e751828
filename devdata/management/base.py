"""What every development-data command shares: it refuses production settings unless forced."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PRODUCTION_SETTINGS = "portal.settings.production"


def running_in_production():
    return PRODUCTION_SETTINGS in (
        settings.SETTINGS_MODULE,
        os.environ.get("DJANGO_SETTINGS_MODULE"),
    )


class DevDataCommand(BaseCommand):
    """A command that writes made-up or default data, so a live site must ask for it explicitly."""

    refusal = "Refusing to run with production settings."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--force-production",
            "--allow-production",
            action="store_true",
            dest="force_production",
            help="Run even with production settings.",
        )
        return parser

    def execute(self, *args, **options):
        if running_in_production() and not options.get("force_production"):
            raise CommandError(f"{self.refusal} Use --force-production if you really mean to.")
        return super().execute(*args, **options)
