from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from commonplace.access.docs import permissions_markdown


class Command(BaseCommand):
    help = "Write docs/permissions.md from the policy table."

    def handle(self, *args: object, **options: object) -> None:
        target = Path(settings.BASE_DIR) / "docs" / "permissions.md"
        target.write_text(permissions_markdown(), encoding="utf-8")
        self.stdout.write(f"wrote {target}")
