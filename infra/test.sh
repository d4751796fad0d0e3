#!/usr/bin/env bash
# The whole test suite: starts a throwaway PostgreSQL cluster on loopback, runs every test project
# (SQLite and PostgreSQL integration, Chromium browser tests), then removes the cluster.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Isolation").
set -euo pipefail
cd "$(dirname "$0")/.."

initdb_bin=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$initdb_bin" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
pg_bin=$(dirname "$(readlink -f "$initdb_bin")")

port=${COOP_TEST_PG_PORT:-55432}
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
dir=$(mktemp -d /tmp/coop-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"

cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
# Durability settings off: this cluster lives for one test run.
as_pg "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
# The owner role runs migrations (and creates the restricted coop_app role they grant to).
"$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE coop_owner LOGIN CREATEROLE"
export COOP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "PostgreSQL test cluster on 127.0.0.1:$port"

rm -rf TestResults
dotnet test Coop.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory TestResults "$@"
