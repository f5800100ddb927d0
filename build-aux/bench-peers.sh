#!/bin/sh
# Times `lead-intent-cli replay --json` against the two peers of
# ../shared/peers/ on the same export and rules, alternating whole
# processes, and prints each one's median wall time, range, peak memory and
# its ratio to Lead Intent per round (median and range).
#
#   build-aux/bench-peers.sh WORKLOAD_DIR [ROUNDS] [PANDAS_ROUNDS]
#
# WORKLOAD_DIR is made by `sh ../shared/peers/make-workload.sh DIR`.  The
# DuckDB peer needs `npm install @duckdb/node-api` in /tmp/duck (or
# LI_DUCK_DIR) with peer_duckdb.mjs copied there; pandas needs
# python3-pandas.  A peer that cannot run is left out.  ROUNDS defaults to
# 7, PANDAS_ROUNDS (pandas takes ten times as long) to 3.
set -eu

W=${1:?usage: bench-peers.sh WORKLOAD_DIR [ROUNDS] [PANDAS_ROUNDS]}
ROUNDS=${2:-7}
PANDAS_ROUNDS=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI=${LI_CLI:-$ROOT/build/src/cli/lead-intent-cli}
DUCK=${LI_DUCK_DIR:-/tmp/duck}
PEERS=${LI_PEERS:-$ROOT/../shared/peers}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

RULES=$W/rules-nopat.json
EVENTS=$W/events.csv
LEADS=$W/leads.csv

# run NAME COMMAND…: appends "wall_s peak_kb" to $OUT/NAME.
run () {
  name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$OUT/time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || {
    echo "$name failed:" >&2
    tail -3 "$OUT/$name.err" >&2
    return 1
  }
  cat "$OUT/time" >> "$OUT/$name"
}

has_duck=0
[ -f "$DUCK/peer_duckdb.mjs" ] && [ -d "$DUCK/node_modules/@duckdb" ] && has_duck=1
has_pandas=0
/usr/bin/python3 -c 'import pandas' 2> /dev/null && has_pandas=1

r=1
while [ "$r" -le "$ROUNDS" ]; do
  run li "$CLI" replay --json -r "$RULES" -e "$EVENTS" -l "$LEADS"
  [ "$has_duck" = 1 ] &&
    run duckdb node "$DUCK/peer_duckdb.mjs" --rules "$RULES" --events "$EVENTS" --leads "$LEADS" --threads 2
  [ "$has_pandas" = 1 ] && [ "$r" -le "$PANDAS_ROUNDS" ] &&
    run pandas /usr/bin/python3 "$PEERS/peer_pandas.py" --rules "$RULES" --events "$EVENTS" --leads "$LEADS"
  r=$((r + 1))
done

events=$(($(wc -l < "$EVENTS") - 1))
# Per round, the ratio of a peer's time to Lead Intent's in the same round.
summary () {
  name=$1
  [ -f "$OUT/$name" ] || return 0
  head -n "$(wc -l < "$OUT/$name")" "$OUT/li" | paste "$OUT/$name" - | awk -v name="$name" -v events="$events" '
    { t[NR] = $1; m[NR] = $2; q[NR] = $1 / $3 }
    function median(a, n,   i, j, x, s) {
      for (i = 1; i <= n; i++) s[i] = a[i]
      for (i = 2; i <= n; i++) { x = s[i]; for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
      return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
    }
    function lo(a, n,   i, x) { x = a[1]; for (i = 2; i <= n; i++) if (a[i] < x) x = a[i]; return x }
    function hi(a, n,   i, x) { x = a[1]; for (i = 2; i <= n; i++) if (a[i] > x) x = a[i]; return x }
    END {
      printf "%-7s %2d rounds  median %6.2f s (%.2f–%.2f)  peak %5.0f MB (%.1f bytes/event)", name, NR,
             median(t, NR), lo(t, NR), hi(t, NR), hi(m, NR) / 1024, hi(m, NR) * 1024 / events
      if (name != "li")
        printf "  %.1f× Lead Intent (%.1f–%.1f)", median(q, NR), lo(q, NR), hi(q, NR)
      printf "\n"
    }'
}
echo "$events events, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
summary li
summary duckdb
summary pandas
