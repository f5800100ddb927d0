#!/bin/sh
# lead-intent-cli --map (SPEC 2.1a): a Taobao UserBehavior file, with and
# without a header, scores exactly like the same events as canonical CSV;
# mapping errors, bad rows and ignored rows on stderr.
set -u
cli=${LI_CLI:?}
src=${G_TEST_SRCDIR:?}
d=$src/data/mapping
rules=$d/taobao.leadrules.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tap.sh"

same () { cmp "$1" "$2" || { diff "$1" "$2" | head -10; return 1; }; }

mapping () {  # mapping FILE JSON-MEMBERS — a mapping of the Taobao columns
  printf '{"format":"lead-intent-mapping","format_version":1,"lead_id":"user_id","timestamp":{"column":"timestamp","unit":"s"},"event":"behavior_type"%s}\n' "$2" >"$1"
}

t_score_headerless () {
  run 0 score --rules "$rules" --events "$d/taobao-canonical.csv" && cp "$tmp/out" "$tmp/canonical.csv" &&
  [ "$(wc -l <"$tmp/canonical.csv")" -eq 41 ] &&
  run 0 score --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" &&
  same "$tmp/out" "$tmp/canonical.csv" && empty "$tmp/err"
}
t_score_header () {
  run 0 score --rules "$rules" --events "$d/taobao-header.csv" --map "$d/taobao-header.map.json" &&
  same "$tmp/out" "$tmp/canonical.csv"
}
t_score_gzip_several () {
  # Several files of one import, gzip or not, through one mapping.
  head -150 "$d/taobao.csv" | gzip >"$tmp/part1.csv.gz" && tail -n +151 "$d/taobao.csv" >"$tmp/part2.csv" &&
  run 0 score --rules "$rules" --events "$tmp/part1.csv.gz" "$tmp/part2.csv" --map "$d/taobao.map.json" &&
  same "$tmp/out" "$tmp/canonical.csv"
}
t_replay_compare_explain () {
  run 0 replay --json --rules "$rules" --events "$d/taobao-canonical.csv" && cp "$tmp/out" "$tmp/replay.json" &&
  run 0 replay --json --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" &&
  same "$tmp/out" "$tmp/replay.json" &&
  run 0 compare --json --rules "$rules" --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" &&
  has "$tmp/out" '"migration"' &&
  run 0 explain --json --rules "$rules" --events "$d/taobao-canonical.csv" --lead 22 && cp "$tmp/out" "$tmp/explain.json" &&
  run 0 explain --json --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" --lead 22 &&
  same "$tmp/out" "$tmp/explain.json"
}
t_exports () {
  run 0 export-events --events "$d/taobao-canonical.csv" -o "$tmp/canonical-events.csv" &&
  run 0 export-events --events "$d/taobao.csv" --map "$d/taobao.map.json" -o "$tmp/mapped-events.csv" &&
  same "$tmp/mapped-events.csv" "$tmp/canonical-events.csv" &&
  run 0 export-leads --rules "$rules" --events "$d/taobao-canonical.csv" && cp "$tmp/out" "$tmp/leads.csv" &&
  run 0 export-leads --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" &&
  same "$tmp/out" "$tmp/leads.csv"
}
t_bad_mapping () {
  sed 's/"unit": "s"/"unit": "min"/' "$d/taobao.map.json" >"$tmp/bad.json" &&
  run 1 score --rules "$rules" --events "$d/taobao.csv" --map "$tmp/bad.json" &&
  has "$tmp/err" "bad.json: timestamp.unit: unknown unit \"min\" (s, ms, us, iso, strftime)" &&
  empty "$tmp/out" && [ "$(wc -l <"$tmp/err")" -eq 1 ]
}
t_missing_column () {
  mapping "$tmp/m.json" ',"properties":{"item":"product_id"}' &&
  run 1 score --rules "$rules" --events "$d/taobao-header.csv" --map "$tmp/m.json" &&
  has "$tmp/err" 'taobao-header.csv:1: properties.item: no column “item” in the file' && empty "$tmp/out"
}
t_format_conflict () {
  run 2 score --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" --format ga4 &&
  has "$tmp/err" -- '--map reads CSV files' && empty "$tmp/out" &&
  run 0 score --rules "$rules" --events "$d/taobao.csv" --map "$d/taobao.map.json" --format csv
}
t_bad_rows () {
  { cat "$d/taobao.csv"; echo "7,1,2,pv,yesterday"; echo ",1,2,pv,1511544070"; } >"$tmp/bad.csv" &&
  run 1 score --rules "$rules" --events "$tmp/bad.csv" --map "$d/taobao.map.json" &&
  has "$tmp/err" 'bad.csv:301: bad timestamp "yesterday"' && empty "$tmp/out" &&
  run 0 score --rules "$rules" --events "$tmp/bad.csv" --map "$d/taobao.map.json" --skip-bad-rows &&
  has "$tmp/err" '^skipped 2 bad rows$' && has "$tmp/err" 'bad.csv:302: empty user_id' &&
  same "$tmp/out" "$tmp/canonical.csv"
}
t_ignored () {
  mapping "$tmp/m.json" ',"events":{"fav":null},"header":false,"columns":["user_id","item_id","category_id","behavior_type","timestamp"]' &&
  run 0 score --rules "$rules" --events "$d/taobao.csv" --map "$tmp/m.json" &&
  has "$tmp/err" "^ignored $(grep -c ',fav,' "$d/taobao.csv") rows of no event$"
}
t_missing_map_file () {
  run 1 score --rules "$rules" --events "$d/taobao.csv" --map "$tmp/none.json" &&
  has "$tmp/err" 'none.json: No such file or directory' && empty "$tmp/out"
}
t_help () { run 0 score --help && has "$tmp/out" -- '--map=FILE.json'; }

check "a headerless Taobao file scores like canonical CSV" t_score_headerless
check "with a header" t_score_header
check "several files, gzip" t_score_gzip_several
check "replay, compare and explain with --map" t_replay_compare_explain
check "export-events and export-leads with --map" t_exports
check "a bad mapping names its key" t_bad_mapping
check "a missing column names its key" t_missing_column
check "--map with another --format is bad usage" t_format_conflict
check "bad rows, --skip-bad-rows" t_bad_rows
check "rows mapped to null are counted as ignored" t_ignored
check "a missing mapping file" t_missing_map_file
check "--help lists --map" t_help

echo "1..$n"
[ "$fails" -eq 0 ]
