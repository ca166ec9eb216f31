from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepsConfig(AppConfig):
    name = "commonplace.reps"
    verbose_name = _("Union learning reps")

    def ready(self) -> None:
        # Connects the receiver of `pathways.services.pathway_completed` (ULR training).
        from . import receivers  # noqa: F401
