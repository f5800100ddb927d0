#!/bin/sh
# export-sql and export-events end to end: random cases (tests/sql/gen-case.py)
# loaded into a throwaway PostgreSQL cluster and into SQLite, where the
# exported query must return every lead exactly as `lead-intent-cli score`
# does; BigQuery queries are checked for form; refusals and bad usage.
set -u
cli=${LI_CLI:?}
src=${G_TEST_SRCDIR:?}
py=$(command -v python3) || { echo "1..0 # SKIP python3 is missing"; exit 77; }
pg_bin=${LI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -n "$pg_bin" ] || pg_bin=$(dirname "$(command -v initdb 2>/dev/null || echo /none/initdb)")
if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ] || ! command -v psql >/dev/null ||
   ! command -v sqlite3 >/dev/null; then
  echo "1..0 # SKIP PostgreSQL (initdb, pg_ctl, psql) or sqlite3 is missing"
  exit 77
fi

seeds="1 2 3 4 5 6 7 8"
tmp=$(mktemp -d)
pg=""  # set while the cluster runs
as_pg () { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup () {
  [ -z "$pg" ] || as_pg "$pg_bin/pg_ctl" -D "$tmp/pg/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

. "$src/tap.sh"
leads=0
worst=0

# A cluster of our own on a Unix socket in $tmp, no TCP; PostgreSQL refuses
# to run as root, so root runs it as postgres.  Its default collation is
# ICU's English where PostgreSQL has ICU, so that the query must ask for
# byte order ("Bob" < "bob" < "Émile") to get the CLI's.
start_postgres () {
  mkdir -p "$tmp/pg/sock" && chmod 755 "$tmp" &&
  { [ "$(id -u)" -ne 0 ] || chown -R postgres "$tmp/pg"; } &&
  { as_pg "$pg_bin/initdb" -D "$tmp/pg/data" -U postgres -A trust --no-sync --locale=C.UTF-8 \
      --locale-provider=icu --icu-locale=en-US >"$tmp/pg.log" 2>&1 ||
    { rm -rf "$tmp/pg/data" &&
      as_pg "$pg_bin/initdb" -D "$tmp/pg/data" -U postgres -A trust --no-sync >"$tmp/pg.log" 2>&1; }; } &&
  as_pg "$pg_bin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w \
    -o "-k $tmp/pg/sock -p 5432 -c listen_addresses='' -c fsync=off" start >>"$tmp/pg.log" 2>&1 &&
  pg=running
}
psql_run () { psql -X -q -v ON_ERROR_STOP=1 -h "$tmp/pg/sock" -p 5432 -U postgres "$@"; }

# case DIR SEED|edges [--default-as-of]: the case, the CLI's scores, the exports
make_case () {
  dir=$1
  "$py" "$src/sql/gen-case.py" "$2" "$dir" ${3:-} || return 1
  as_of=$(cat "$dir/as-of")
  leads_arg=""
  [ -f "$dir/leads.csv" ] && leads_arg="--leads $dir/leads.csv"
  # shellcheck disable=SC2086
  "$cli" score --rules "$dir/rules.json" --events "$dir/events.csv" $leads_arg \
    ${as_of:+--as-of "$as_of"} -o "$dir/expected.csv" &&
  "$cli" export-events --events "$dir/events.csv" -o "$dir/table.csv" &&
  for d in postgres sqlite bigquery; do
    "$cli" export-sql --rules "$dir/rules.json" --dialect $d ${as_of:+--as-of "$as_of"} -o "$dir/$d.sql" || return 1
  done
}

compare () {  # compare DIR DIALECT — the query's rows against the CLI's
  out=$("$py" "$src/sql/compare.py" "$1/expected.csv" "$1/$2.csv")
  status=$?
  echo "$out"
  set -- $out
  leads=$((leads + $1))
  worst=$("$py" -c "print(max($worst, ${5%,}))")
  return $status
}

t_postgres () {  # t_postgres DIR
  leads_file=-
  [ -f "$1/leads.csv" ] && leads_file=$1/leads.csv
  "$py" "$src/sql/create-tables.py" postgres "$1/table.csv" "$leads_file" "$1/columns" >"$1/load.pg" &&
  psql_run -f "$1/load.pg" &&
  psql_run --csv -f "$1/postgres.sql" >"$1/postgres.csv" &&
  compare "$1" postgres
}

t_sqlite () {
  leads_file=-
  [ -f "$1/leads.csv" ] && leads_file=$1/leads.csv
  "$py" "$src/sql/create-tables.py" sqlite "$1/table.csv" "$leads_file" "$1/columns" >"$1/load.sqlite" &&
  sqlite3 -bail "$1/db.sqlite" ".read $1/load.sqlite" &&
  sqlite3 -bail -csv -header "$1/db.sqlite" ".read $1/sqlite.sql" >"$1/sqlite.csv" &&
  compare "$1" sqlite
}

t_bigquery () { "$py" "$src/sql/check-bigquery.py" "$1/bigquery.sql"; }

t_events_csv () {
  printf 'lead_id,timestamp,event,price,category,extra\nb,2026-03-01T10:00:00.5Z,view,"1,5",x,\na,1772359200,buy,,"say ""hi""",\n' >"$tmp/in.csv" &&
  run 0 export-events --events "$tmp/in.csv" -o "$tmp/ev.csv" &&
  printf 'seq,lead_id,ts,event,price,category,extra\n1,a,2026-03-01T10:00:00.000Z,buy,,"say ""hi""",\n2,b,2026-03-01T10:00:00.500Z,view,"1,5",x,\n' >"$tmp/want.csv" &&
  cmp "$tmp/want.csv" "$tmp/ev.csv"
}
t_events_own_column () {
  printf 'lead_id,timestamp,event,ts\na,2026-03-01T10:00:00Z,view,1\n' >"$tmp/in.csv" &&
  run 1 export-events --events "$tmp/in.csv" -o "$tmp/refused.csv" && has "$tmp/err" 'property “ts”' &&
  [ ! -e "$tmp/refused.csv" ]
}
t_refuse_names () {
  printf '{"intent": [{"event": "x", "where": {"geo.country": "DE", "ts": "1"}, "points": 1}],\n "fit": [{"attribute": "%s", "op": "exists", "points": 1}],\n "stages": [{"name": "cold"}]}\n' \
    "a_very_long_attribute_name_that_postgresql_would_cut_at_63_bytes_x" >"$tmp/names.json" &&
  run 1 export-sql --rules "$tmp/names.json" --dialect bigquery &&
  has "$tmp/err" 'intent\[0\]\.where\.geo\.country: BigQuery column names' &&
  has "$tmp/err" 'intent\[0\]\.where\.ts: the property “ts”' && [ ! -s "$tmp/out" ] &&
  run 1 export-sql --rules "$tmp/names.json" --dialect postgres &&
  has "$tmp/err" 'fit\[0\]\.attribute: PostgreSQL column names are at most 63 bytes' &&
  ! has "$tmp/err" 'geo' 2>/dev/null &&
  printf '{"intent": [{"event": "x", "where": {"Size": "M"}, "points": 1}],\n "fit": [{"attribute": "size", "op": "exists", "points": 1}],\n "stages": [{"name": "cold"}]}\n' >"$tmp/case.json" &&
  run 1 export-sql --rules "$tmp/case.json" --dialect sqlite && has "$tmp/err" 'one column in SQLite' &&
  run 0 export-sql --rules "$tmp/case.json" --dialect postgres &&
  printf '{"intent": [{"event": "x", "where": {"xmin": "1", "rowid": "2", "_PARTITIONTIME": "3"}, "points": 1}],\n "stages": [{"name": "cold"}]}\n' >"$tmp/system.json" &&
  run 1 export-sql --rules "$tmp/system.json" --dialect postgres && has "$tmp/err" 'where\.xmin: “xmin” is a system column' &&
  run 1 export-sql --rules "$tmp/system.json" --dialect sqlite && has "$tmp/err" 'where\.rowid: “rowid” is a system column' &&
  run 1 export-sql --rules "$tmp/system.json" --dialect bigquery && has "$tmp/err" '_PARTITIONTIME: BigQuery keeps'
}
t_refuse_tiny_points () {
  printf '{"decay": {"model": "exponential", "half_life_days": 1}, "intent": [{"event": "x", "points": 1e-200}],\n "stages": [{"name": "cold"}]}\n' >"$tmp/tiny.json" &&
  run 1 export-sql --rules "$tmp/tiny.json" --dialect postgres && has "$tmp/err" 'intent\[0\]\.points: PostgreSQL' &&
  run 0 export-sql --rules "$tmp/tiny.json" --dialect sqlite
}
t_usage () {
  rules=$src/data/cli/rees46.leadrules.json
  run 2 export-sql --rules "$rules" &&
  run 2 export-sql --rules "$rules" --dialect oracle && has "$tmp/err" 'unknown dialect' &&
  run 2 export-sql --rules "$rules" --dialect postgres --events-table 'a..b' &&
  run 2 export-sql --rules "$rules" --dialect postgres --as-of never &&
  run 2 export-events &&
  run 0 export-sql --rules "$rules" --dialect postgres --events-table shop.events -o "$tmp/q.sql" &&
  has "$tmp/q.sql" 'FROM "shop"."events" AS e'
}

check "export-events writes the events table's CSV" t_events_csv
check "export-events refuses a property named like a column" t_events_own_column
check "export-sql refuses names a dialect cannot have" t_refuse_names
check "export-sql refuses points PostgreSQL underflows on" t_refuse_tiny_points
check "export-sql and export-events usage" t_usage

if ! start_postgres; then
  sed 's/^/# /' "$tmp/pg.log"
  echo "Bail out! cannot start PostgreSQL"
  exit 1
fi
for seed in edges $seeds default; do
  dir=$tmp/case-$seed
  case $seed in
    edges) check "case edges: a lead on each boundary" make_case "$dir" edges ;;
    default) check "case with the default as-of" make_case "$dir" 100 --default-as-of ;;
    *) check "case $seed" make_case "$dir" "$seed" ;;
  esac
  check "postgres, case $seed" t_postgres "$dir"
  check "sqlite, case $seed" t_sqlite "$dir"
  check "bigquery is well formed, case $seed" t_bigquery "$dir"
done

echo "# $leads leads compared, max difference $worst"
echo "1..$n"
[ "$fails" -eq 0 ]
