from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathwaysConfig(AppConfig):
    name = "commonplace.pathways"
    verbose_name = _("Learning pathways")

    def ready(self) -> None:
        # Connects the receiver of `lrs.services.statements.statements_stored`.
        from . import receivers  # noqa: F401
