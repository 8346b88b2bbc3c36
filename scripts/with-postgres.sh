#!/usr/bin/env bash
# Runs a command beside a private, throwaway PostgreSQL server:
#
#   scripts/with-postgres.sh npm test
#
# The server is made with initdb in a new temporary folder, listens on
# 127.0.0.1 (a free port from 5433 up) and on a socket in that folder only,
# trusts local connections, and has a role `sahifa` owning a database
# `sahifa_test`. The command runs with
#   SAHIFA_TEST_DATABASE_URL  postgres://sahifa@127.0.0.1:PORT/sahifa_test
#   SAHIFA_PG_DATA            the server's data folder
#   SAHIFA_TEST_PGCTL         the server's pg_ctl
# SAHIFA_PG_OPTIONS adds server options (e.g. "-c shared_preload_libraries=pg_stat_statements"
# to see where an import's time goes; the superuser `postgres` can then read it).
# (test/postgres/restart.test.ts restarts the server when given its data
# folder as SAHIFA_TEST_PGDATA: pass it only to a run of that file alone,
# as .ci/run does, since it breaks the connections of any test beside it.)
# and the server is stopped and its folder removed when it ends, however it
# ends. As root, the server runs as the `postgres` user (Debian's package
# makes it). Needs the server binaries: apt-get install postgresql.
set -euo pipefail

bin=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ]; then bin=$d; break; fi
done
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then bin=$(dirname "$(command -v initdb)"); fi
if [ -z "$bin" ]; then
  echo "with-postgres: no PostgreSQL server binaries found (apt-get install postgresql)" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root, and there is no postgres user to run the server as" >&2
    exit 1
  fi
  as_owner=(runuser -u postgres --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/sahifa-pg.XXXXXX")
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi

port=""
for p in $(seq 5433 5499); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
if [ -z "$port" ]; then
  echo "with-postgres: no free port from 5433 to 5499" >&2
  exit 1
fi

# The server's commands run from its folder: the postgres user may not be able to read ours.
as_server() { (cd "$dir" && "${as_owner[@]}" "$@"); }

stop() {
  as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_server "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# Throwaway data: no fsync.
as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${SAHIFA_PG_OPTIONS:-}" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "create role sahifa login" -c "create database sahifa_test owner sahifa" >/dev/null

export SAHIFA_TEST_DATABASE_URL="postgres://sahifa@127.0.0.1:$port/sahifa_test"
export SAHIFA_PG_DATA="$dir/data"
export SAHIFA_TEST_PGCTL="$bin/pg_ctl"
echo "with-postgres: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
"$@"
