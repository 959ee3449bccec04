#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback for the tests that need one,
# and stops the server afterwards, whatever the command's outcome:
#
#   bash scripts/with-postgres.sh swift test --disable-xctest
#
# The server (Debian's postgresql, installed by `scripts/setup.sh --tests`) gets a fresh data
# folder, listens on 127.0.0.1 only, and has a user `factlint` with a password and a database
# `desk`; the command sees its address in FACTLINT_TEST_POSTGRES. When no server can start, the
# command still runs, with the reason in FACTLINT_TEST_POSTGRES_ERROR: the tests that need the
# server report it rather than pass.
set -uo pipefail

port="${FACTLINT_PG_PORT:-54329}"
folder="$(mktemp -d "${TMPDIR:-/tmp}/factlint-pg.XXXXXX")"
password="factlint-test-$RANDOM$RANDOM"
log="$folder/server.log"

bin=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bin="$candidate"; break; fi
done

# PostgreSQL refuses to run as root: as root the server runs as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

started=0
stop() {
  if [ "$started" -eq 1 ]; then
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
trap stop EXIT INT TERM

why=""
if [ -z "$bin" ]; then
  why="no PostgreSQL server is installed (Debian: apt-get install postgresql, or run bash scripts/setup.sh --tests)"
elif [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  why="the postgres user is missing, and the server does not run as root"
else
  [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
  printf '%s\n' "$password" > "$folder/password"
  [ "$(id -u)" -eq 0 ] && chown postgres "$folder/password"
  if ! as_owner "$bin/initdb" -D "$folder/data" -U factlint --pwfile="$folder/password" \
      --auth=scram-sha-256 -E UTF8 --locale=C >"$folder/initdb.log" 2>&1; then
    why="initdb failed: $(tail -n 3 "$folder/initdb.log" | tr '\n' ' ')"
  else
    # The first free port from FACTLINT_PG_PORT on: another run may hold one.
    first="$port"
    while rm -f "$log" && ! as_owner "$bin/pg_ctl" -D "$folder/data" -l "$log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off" start \
        >/dev/null 2>&1; do
      if [ "$port" -ge $((first + 20)) ] || ! grep -q "already in use" "$log" 2>/dev/null; then
        why="the server did not start on 127.0.0.1:$port: $(tail -n 3 "$log" 2>/dev/null | tr '\n' ' ')"
        break
      fi
      port=$((port + 1))
    done
  fi
  if [ -z "$why" ]; then
    started=1
    if ! PGPASSWORD="$password" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U factlint \
        -d postgres -c "CREATE DATABASE desk" >/dev/null 2>"$folder/psql.log"; then
      why="could not create the test database: $(cat "$folder/psql.log")"
    fi
  fi
fi

if [ -z "$why" ]; then
  echo "with-postgres: PostgreSQL on 127.0.0.1:$port for the tests" >&2
  export FACTLINT_TEST_POSTGRES="postgres://factlint:$password@127.0.0.1:$port/desk"
  export FACTLINT_TEST_PSQL="$bin/psql"
  unset FACTLINT_TEST_POSTGRES_ERROR
else
  echo "with-postgres: $why" >&2
  export FACTLINT_TEST_POSTGRES_ERROR="$why"
  unset FACTLINT_TEST_POSTGRES
fi
"$@"
