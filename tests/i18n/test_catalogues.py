"""Every user-facing string has a Welsh translation, and no catalogue is stale."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(
    p.parent.parent.parent.parent.name
    for p in (ROOT / "src/commonplace").glob("*/locale/cy/LC_MESSAGES/django.po")
)


def catalogue(app: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "src/commonplace" / app / "locale/cy/LC_MESSAGES/django.po"))


def test_the_foundation_apps_have_welsh_catalogues():
    assert {"core", "home", "people", "organisation", "access", "audit", "accounts"} <= set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_every_string_is_translated_into_welsh(app):
    po = catalogue(app)
    missing = [entry.msgid for entry in po if not entry.translated() or "fuzzy" in entry.flags]
    assert missing == []


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_not_stale(app, tmp_path):
    copy = tmp_path / app
    shutil.copytree(
        ROOT / "src/commonplace" / app, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
    )
    django_admin = Path(sys.executable).with_name("django-admin")
    result = subprocess.run(  # noqa: S603 - our own venv's django-admin
        [str(django_admin), "makemessages", "-l", "cy", "--no-obsolete", "-v", "0"],
        cwd=copy,
        check=False,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.returncode == 0, result.stderr
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/cy/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in catalogue(app)}
    assert fresh == committed, "run `make messages` and translate the new strings"
