import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from commonplace.demo.services import demo_load


class Command(BaseCommand):
    help = "Build the demo union (skipped when it is already there)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--branches", type=int, default=60)
        parser.add_argument("--members", type=int, default=5_000)
        parser.add_argument(
            "--reset", action="store_true", help="Empty the database first, then rebuild."
        )

    def handle(
        self, *args: object, branches: int, members: int, reset: bool, **options: object
    ) -> None:
        if branches < 1 or members < 0:
            self.stderr.write("--branches must be at least 1 and --members at least 0.")
            return
        started = time.perf_counter()
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        demo_load(branches=branches, members=members, report=self.stdout.write)
        self.stdout.write(f"demo_load finished in {time.perf_counter() - started:.1f} s")
