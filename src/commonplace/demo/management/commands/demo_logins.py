from django.conf import settings
from django.core.management.base import BaseCommand

from commonplace.demo.services import demo_logins


class Command(BaseCommand):
    help = "Print the demo log-ins: email, password, role and the place it is held in."

    def handle(self, *args: object, **options: object) -> None:
        rows = demo_logins()
        width = max(len(row[0]) for row in rows)
        self.stdout.write("Demo log-ins (password for all: commonplace-demo):")
        for email, _password, role, place in rows:
            self.stdout.write(f"  {email.ljust(width)}  {role} — {place}")
        self.stdout.write(
            f"LRS: {settings.SITE_URL}/xapi/  key demo-lrs-key  secret demo-lrs-secret"
        )
