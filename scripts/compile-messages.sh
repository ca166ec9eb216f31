#!/usr/bin/env bash
# Compile every Welsh catalogue (project and apps) into .mo files; a no-op when there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "$(find src -name '*.po' -print -quit)" ]; then
    .venv/bin/django-admin compilemessages -v 0 --ignore=.venv --ignore=node_modules --ignore=.uv
fi
