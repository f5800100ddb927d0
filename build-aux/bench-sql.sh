#!/bin/sh
# bench-sql.sh WORKLOAD_DIR [RULES] — how long the query of export-sql takes
# on PostgreSQL for a benchmark export (../shared/peers/make-workload.sh),
# in a throwaway cluster like tests/test-sql.sh's, and whether its rows
# equal `lead-intent-cli score`.  Prints the load time, three query times
# and the comparison.  Needs a build in build/.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cli=$root/build/src/cli/lead-intent-cli
dir=$(cd "$1" && pwd)
rules=${2:-$dir/rules-nopat.json}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
tmp=$(mktemp -d)
as_pg () { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup () {
  as_pg "$pg_bin/pg_ctl" -D "$tmp/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/pg/sock" && chmod 755 "$tmp"
[ "$(id -u)" -ne 0 ] || chown -R postgres "$tmp/pg"
as_pg "$pg_bin/initdb" -D "$tmp/pg/data" -U postgres -A trust --no-sync >"$tmp/pg.log" 2>&1
as_pg "$pg_bin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w \
  -o "-k $tmp/pg/sock -p 5432 -c listen_addresses='' -c fsync=off -c work_mem=256MB -c shared_buffers=1GB" \
  start >>"$tmp/pg.log"
psql_run () { psql -X -q -v ON_ERROR_STOP=1 -h "$tmp/pg/sock" -p 5432 -U postgres "$@"; }
now () { date +%s.%N; }

"$cli" export-events --events "$dir/events.csv" -o "$tmp/table.csv"
"$cli" export-sql --rules "$rules" --dialect postgres -o "$tmp/query.sql"
"$cli" score --rules "$rules" --events "$dir/events.csv" --leads "$dir/leads.csv" -o "$tmp/expected.csv"
chmod 644 "$tmp"/*.csv
: >"$tmp/columns"
python3 "$root/tests/sql/create-tables.py" postgres "$tmp/table.csv" "$dir/leads.csv" "$tmp/columns" >"$tmp/load.pg"
t0=$(now); psql_run -f "$tmp/load.pg"; psql_run -c "ANALYZE"; t1=$(now)
echo "load: $(python3 -c "print(round($t1 - $t0, 2))") s ($(wc -l <"$tmp/table.csv") rows)"
for i in $(seq "${BENCH_SQL_RUNS:-3}"); do
  t0=$(now); psql_run --csv -f "$tmp/query.sql" >"$tmp/got.csv"; t1=$(now)
  echo "query $i: $(python3 -c "print(round($t1 - $t0, 2))") s"
done
python3 "$root/tests/sql/compare.py" "$tmp/expected.csv" "$tmp/got.csv"
if [ -n "${BENCH_SQL_EXPLAIN:-}" ]; then
  { echo "EXPLAIN (ANALYZE, TIMING OFF)"; cat "$tmp/query.sql"; } >"$tmp/explain.sql"
  psql_run -f "$tmp/explain.sql" | cut -c1-200 | grep -v "Filter:\|Cond:"
fi
