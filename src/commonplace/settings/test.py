"""Test overrides: fast hashing, in-memory mail, inline tasks, plain static storage."""

import os

os.environ.setdefault("COMMONPLACE_DEMO", "1")
os.environ.setdefault("COMMONPLACE_SQLITE_PATH", ":memory:")

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
COMMONPLACE_MFA_REQUIRED = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests reuse client keys across rolled-back transactions: read the client on every request
# (tests/lrs/test_clients.py turns the cache on where it is the subject).
LRS_CLIENT_CACHE_SECONDS = 0
