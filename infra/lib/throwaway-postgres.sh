# Sourced by infra/test.sh and the benchmarks: starts a throwaway PostgreSQL cluster on loopback (fsync off; it
# lives for one run), creates the coop_owner role that runs migrations, exports COOP_PG_URL (superuser
# connection string) and removes the cluster on exit.
initdb_bin=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$initdb_bin" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
pg_bin=$(dirname "$(readlink -f "$initdb_bin")")

pg_port=${COOP_TEST_PG_PORT:-55432}
while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
pg_dir=$(mktemp -d /tmp/coop-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"

stop_throwaway_postgres() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_throwaway_postgres EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${COOP_PG_OPTIONS:-}" \
  start >/dev/null
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE ROLE coop_owner LOGIN CREATEROLE"
export COOP_PG_URL="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "Throwaway PostgreSQL cluster on 127.0.0.1:$pg_port"
