from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningSpaceConfig(AppConfig):
    name = "commonplace.learning_space"
    verbose_name = _("My learning space")
