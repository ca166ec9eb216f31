from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkillsConfig(AppConfig):
    name = "commonplace.skills"
    verbose_name = _("Skills checks and learning-needs surveys")
