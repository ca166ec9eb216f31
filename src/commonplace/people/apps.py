from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "commonplace.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the signal receivers
