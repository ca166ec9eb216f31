#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a fresh PostgreSQL database.
# Uses the server on 127.0.0.1:5432 when it answers (a new database, dropped afterwards);
# otherwise starts a throw-away cluster on a free loopback port and removes it afterwards.
set -euo pipefail
DBNAME="${DBNAME:-commonplace_$$_$RANDOM}"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

pg_answers() {
    python3 - "$@" <<'PY'
import socket, sys
try:
    socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
except OSError:
    sys.exit(1)
PY
}

if [ -z "${FORCE_THROWAWAY_PG:-}" ] && pg_answers && psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE \"$DBNAME\"" >/dev/null
    cleanup() { psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)" >/dev/null 2>&1 || true; }
    trap cleanup EXIT INT TERM
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DBNAME"
    echo "with-postgres: using the server on 127.0.0.1:5432, database $DBNAME" >&2
    "$@"
    exit $?
fi

[ -x "$PGBIN/initdb" ] || { echo "with-postgres: no PostgreSQL server answers and no initdb found (apt-get install postgresql)" >&2; exit 1; }
PGUSER_OS="${PGUSER_OS:-postgres}"
PGTMP="$(mktemp -d -t commonplace-pg.XXXXXX)"
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
if [ "$(id -u)" = 0 ]; then
    id -u "$PGUSER_OS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
    chown "$PGUSER_OS": "$PGTMP"
    as_pg() { (cd / && runuser -u "$PGUSER_OS" -- "$@"); }
else
    as_pg() { "$@"; }
fi
cleanup() { set +e; as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1; rm -rf "$PGTMP"; }
trap cleanup EXIT INT TERM
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$PGTMP/server.log" >&2; exit 1; }
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$DBNAME"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/$DBNAME"
echo "with-postgres: throw-away cluster on 127.0.0.1:$PGPORT" >&2
"$@"
