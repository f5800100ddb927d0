#!/bin/sh
# The benchmark export repeated 48 times with the lead ids suffixed -0 …
# -47 (100 M events, 5.8 GB; the leads file likewise), then
# `lead-intent-cli replay --json` on it and on the export itself: wall time,
# CPU, peak memory per event, and how much the cost per event grows.
#
#   build-aux/bench-100m.sh WORKLOAD_DIR [OUT_DIR]
#
# WORKLOAD_DIR is made by `sh ../shared/peers/make-workload.sh DIR`; the big
# export is written to OUT_DIR (default WORKLOAD_DIR/x48) once and reused.
set -eu

W=${1:?usage: bench-100m.sh WORKLOAD_DIR [OUT_DIR]}
BIG=${2:-$W/x48}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI=${LI_CLI:-$ROOT/build/src/cli/lead-intent-cli}
COPIES=48

if [ ! -s "$BIG/leads.csv" ]; then
  mkdir -p "$BIG"
  # repeat FIELD FILE: FILE's rows $COPIES times, field FIELD suffixed -k.
  repeat () {
    awk -F, -v OFS=, -v n="$COPIES" -v field="$1" 'NR == 1 { header = $0; next }
      { rows[NR - 1] = $0 }
      END {
        print header
        for (k = 0; k < n; k++)
          for (i = 1; i <= NR - 1; i++) { $0 = rows[i]; $field = $field "-" k; print }
      }' "$2"
  }
  # The lead ids: the second field of the events, the first of the leads.
  repeat 2 "$W/events.csv" > "$BIG/events.csv.tmp"
  repeat 1 "$W/leads.csv" > "$BIG/leads.csv.tmp"
  mv "$BIG/events.csv.tmp" "$BIG/events.csv"
  mv "$BIG/leads.csv.tmp" "$BIG/leads.csv"
fi

# measure DIR: "events wall user sys peak_kb"
measure () {
  events=$(($(wc -l < "$1/events.csv") - 1))
  /usr/bin/time -f "%e %U %S %M" -o "$BIG/time" \
    "$CLI" replay --json -r "$W/rules-nopat.json" -e "$1/events.csv" -l "$1/leads.csv" > /dev/null
  echo "$events $(cat "$BIG/time")"
}

small=$(measure "$W")
big=$(measure "$BIG")
echo "$small
$big" | awk '{
    printf "%11d events: %6.2f s wall (%.2f s user, %.2f s system), %.2f M events/s, peak %.0f MB, %.1f bytes/event\n",
           $1, $2, $3, $4, $1 / $2 / 1e6, $5 / 1024, $5 * 1024 / $1
    per[NR] = $2 / $1
  }
  END { printf "cost per event at %d× the size: %+.0f %%\n", 48, (per[2] / per[1] - 1) * 100 }'
