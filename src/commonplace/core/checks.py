"""Deployment checks of the settings (`manage.py check --deploy`, as the production notes run)."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def secret_key_set(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Outside the demo the site needs its own secret key."""
    if settings.SECRET_KEY_SET:
        return []
    return [Error(settings.SECRET_KEY_MISSING, id="core.E001")]
