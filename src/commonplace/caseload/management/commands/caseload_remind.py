"""`manage.py caseload_remind [--on YYYY-MM-DD]`: remind each lead ULR of their due follow-ups.

Run it once a day (cron or a systemd timer, see the README's production notes); running it
again the same day sends nothing new.
"""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from commonplace.caseload.services import followups_remind


class Command(BaseCommand):
    help = "Send each lead ULR one notification about their follow-ups due today or earlier."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--on", help="remind of follow-ups due on or before this date (default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            on = date.fromisoformat(options["on"]) if options["on"] else timezone.localdate()
        except ValueError as error:
            raise CommandError("--on takes a date as YYYY-MM-DD") from error
        sent = followups_remind(on=on)
        self.stdout.write(f"follow-up reminders sent to {sent} ULR(s) for {on.isoformat()}")
