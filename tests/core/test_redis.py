"""With REDIS_URL, app servers share one cache: log-in throttling counts across all of them."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.core.cache import cache
print(settings.CACHES["default"]["BACKEND"])
cache.set("{key}", "shared", 30)
"""


def test_redis_url_makes_a_shared_cache(redis_url):
    key = f"commonplace-test-{uuid.uuid4().hex}"
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "COMMONPLACE_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "commonplace.settings.base",
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(  # noqa: S603 - our own settings in a second process
        [sys.executable, "-c", SCRIPT.format(key=key)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"

    import redis

    client = redis.Redis.from_url(redis_url)
    assert any(k.decode().endswith(key) for k in client.keys(f"*{key}"))
