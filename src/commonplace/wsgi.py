"""WSGI entry point (gunicorn in production: see the README's production notes)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonplace.settings.base")
application = get_wsgi_application()
