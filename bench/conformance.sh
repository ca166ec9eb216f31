#!/usr/bin/env bash
# `make conformance`: ADL's LRS conformance suite (2.0.0 and 1.0.3) against Commonplace on a
# throw-away database (SQLite; CONFORMANCE_PG=1 for PostgreSQL). The suite is not part of this
# repository: it is looked for beside the project (../lrs-conformance-test-suite, or beside the
# main checkout when this is a git worktree), or where CONFORMANCE_SUITE says.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE="${CONFORMANCE_SUITE:-}"
if [ -z "$SUITE" ]; then
    candidates=("../lrs-conformance-test-suite")
    common="$(git rev-parse --git-common-dir 2>/dev/null || true)"
    [ -n "$common" ] && candidates+=("$common/../../lrs-conformance-test-suite")
    for candidate in "${candidates[@]}"; do
        if [ -f "$candidate/bin/console_runner.js" ]; then SUITE="$(cd "$candidate" && pwd)"; break; fi
    done
fi
if [ -z "$SUITE" ] || [ ! -f "$SUITE/bin/console_runner.js" ]; then
    cat <<'HOW'
conformance: ADL's LRS conformance suite is not beside the project, so nothing was run.
To get it (a Node program; node 18 or later):
    git clone https://github.com/adlnet/lrs-conformance-test-suite ../lrs-conformance-test-suite
    (cd ../lrs-conformance-test-suite && npm install)
then run `make conformance` again (or set CONFORMANCE_SUITE=/path/to/the/suite).
HOW
    exit 0
fi
command -v node >/dev/null || { echo "conformance: node is not installed" >&2; exit 1; }
if [ ! -d "$SUITE/node_modules" ]; then
    echo "conformance: $SUITE has no node_modules; run: (cd $SUITE && npm install)" >&2
    exit 1
fi
if [ "${CONFORMANCE_PG:-}" = 1 ]; then
    exec scripts/with-postgres.sh .venv/bin/python bench/conformance.py "$SUITE"
fi
unset DATABASE_URL
exec .venv/bin/python bench/conformance.py "$SUITE"
