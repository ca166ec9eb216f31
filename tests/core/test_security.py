"""Security from the first page: production settings pass Django's deploy check; strict CSP."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_check():
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "commonplace.settings.base",
        "COMMONPLACE_SECRET_KEY": "x7!" + "k" * 30 + "Qp9#zR2$" * 4,
        "COMMONPLACE_ALLOWED_HOSTS": "learning.example.org",
        "COMMONPLACE_SQLITE_PATH": ":memory:",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            str(ROOT / "src" / "manage.py"),
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _manage(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run manage.py (or `code`) with production settings and no secret key."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "commonplace.settings.base"}
    command = ["-c", code] if code else [str(ROOT / "src" / "manage.py"), *args]
    return subprocess.run(  # noqa: S603 - our own code
        [sys.executable, *command],
        env=env,
        cwd=ROOT / "src",
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_refuse_to_serve_without_a_secret_key():
    deploy_check = _manage("check", "--deploy")
    assert deploy_check.returncode != 0
    assert "COMMONPLACE_SECRET_KEY must be set" in deploy_check.stderr
    serving = _manage(code="import commonplace.wsgi")
    assert serving.returncode != 0
    assert "COMMONPLACE_SECRET_KEY must be set" in serving.stderr


def test_code_only_commands_run_without_a_secret_key():
    result = _manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_templates_contain_no_inline_script_or_style(client):
    html = client.get("/").content.decode()
    assert "<script>" not in html
    assert " style=" not in html
    assert " onclick=" not in html


@pytest.mark.django_db
def test_missing_pages_use_the_shell_and_answer_404(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Skip to main content" in response.content.decode()


def test_server_error_page_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
