"""`manage.py certificates_rotate_signing_key`: a new Open Badges 3.0 signing key; the old ones
are retired and stay published, so the credentials they signed go on verifying."""

from typing import Any

from django.core.management.base import BaseCommand

from commonplace.certificates.services import signing_key_rotate


class Command(BaseCommand):
    help = "Create a new Open Badges 3.0 signing key and retire the current one (kept published)."

    def handle(self, *args: Any, **options: Any) -> None:
        signing_key = signing_key_rotate(actor=None)
        self.stdout.write(f"New signing key {signing_key.key_id}.")
