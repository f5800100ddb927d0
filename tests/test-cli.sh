#!/bin/sh
# lead-intent-cli end to end: the bundled REES46 sample, bad input, usage.
# Numbers for the sample were checked against ../shared/oracle/li_oracle.py.
set -u
cli=${LI_CLI:?}
src=${G_TEST_SRCDIR:?}
sample=$src/../data/sample/rees46-2019oct-head.csv.gz
rules=$src/data/cli/rees46.leadrules.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tap.sh"

t_validate_ok () { run 0 validate "$rules" && has "$tmp/out" '^ok$'; }
t_validate_bad () {
  run 1 validate "$src/data/cli/bad.leadrules.json" &&
  has "$tmp/err" 'stages\[0\]\.min_score: expected a number' &&
  has "$tmp/err" 'intent\[0\]' && empty "$tmp/out"
}
t_validate_unreachable () {  # a warning is printed, validate still succeeds (SPEC 7)
  cat >"$tmp/unreachable.leadrules.json" <<'JSON'
{ "format": "lead-intent-rules", "format_version": 1,
  "stages": [ { "name": "warm", "min_score": 5 }, { "name": "hot", "min_score": 10 },
              { "name": "cold" } ] }
JSON
  run 0 validate "$tmp/unreachable.leadrules.json" && has "$tmp/out" '^ok$' &&
  has "$tmp/err" '^warning: stages\[1\]: stage is unreachable: stage "warm" above it'
}
t_score_sample () {
  run 0 score --rules "$rules" --events "$sample" &&
  [ "$(head -1 "$tmp/out")" = "lead_id,score,intent,fit,stage" ] &&
  [ "$(wc -l <"$tmp/out")" -eq 4505 ] &&
  # sorted by score descending
  tail -n +2 "$tmp/out" | cut -d, -f2 | sort -c -r -g
}
t_score_as_of () {
  run 0 score --rules "$rules" --events "$sample" --as-of "2019-10-01 00:10:00 UTC" &&
  [ "$(wc -l <"$tmp/out")" -lt 4505 ] && [ "$(wc -l <"$tmp/out")" -gt 1 ]
}
t_replay_json () {
  run 0 replay --json --rules "$rules" --events "$sample" --leads-out "$tmp/leads.csv" &&
  has "$tmp/out" '"leads": 4503' && has "$tmp/out" '"skipped_leads": 1' &&
  has "$tmp/out" '"converters": 192' &&
  [ "$(head -1 "$tmp/leads.csv")" = "lead_id,peak_score,peak_stage,converted" ] &&
  [ "$(wc -l <"$tmp/leads.csv")" -eq 4504 ] &&
  [ "$(grep -c ',true$' "$tmp/leads.csv")" -eq 192 ]
}
t_replay_table () {
  run 0 replay --rules "$rules" --events "$sample" --bins 10 &&
  has "$tmp/out" '^Leads  *4503' && has "$tmp/out" '^hot ' && has "$tmp/out" 'Peak scores (10 bins'
}
t_replay_range () {
  run 0 replay --json --rules "$rules" --events "$sample" --from "2019-10-01T01:00:00Z" --to "2019-10-01T02:00:00Z" &&
  ! has "$tmp/out" '"leads": 4503'
}
t_compare () {
  sed 's/"min_score": 40/"min_score": 30/' "$rules" >"$tmp/b.json" &&
  run 0 compare --json --rules "$rules" --rules "$tmp/b.json" --events "$sample" &&
  has "$tmp/out" '"migration"' && has "$tmp/out" '"rule_changes"' && has "$tmp/out" '"min_score"' &&
  run 0 compare --rules "$rules" --rules "$tmp/b.json" --events "$sample" &&
  has "$tmp/out" 'Migration of peak stages'
}
t_bad_timestamp () {
  run 1 score --rules "$rules" --events "$src/data/cli/bad-timestamp.csv" &&
  has "$tmp/err" 'bad-timestamp.csv:4: ' && empty "$tmp/out"
}
t_bad_rows_skipped () {
  run 0 score --rules "$rules" --events "$src/data/cli/bad-rows.csv" --skip-bad-rows &&
  has "$tmp/err" 'skipped 2 bad rows' && has "$tmp/err" 'bad-rows.csv:3: ' &&
  has "$tmp/err" 'bad-rows.csv:4: ' && [ "$(wc -l <"$tmp/out")" -eq 3 ]
}
t_nothing_partial () {
  echo "keep me" >"$tmp/result.csv" &&
  run 1 score --rules "$rules" --events "$sample" "$src/data/cli/bad-rows.csv" -o "$tmp/result.csv" &&
  [ "$(cat "$tmp/result.csv")" = "keep me" ]
}
t_output_file () {
  run 0 score --rules "$rules" --events "$sample" -o "$tmp/result.csv" && empty "$tmp/out" &&
  [ "$(wc -l <"$tmp/result.csv")" -eq 4505 ]
}
t_missing_file () { run 1 score --rules "$rules" --events "$tmp/nope.csv" && has "$tmp/err" 'nope.csv'; }
t_usage () {
  run 2 frobnicate && run 2 score --rules "$rules" && run 2 replay --bogus &&
  run 2 score --rules "$rules" --events "$sample" --as-of yesterday &&
  run 2 score --rules "$rules" --events "$sample" --format xml
}
t_help_version () {
  run 0 --help && has "$tmp/out" 'replay' && run 0 replay --help && has "$tmp/out" 'leads-out' &&
  run 0 --version && has "$tmp/out" 'lead-intent-cli'
}

# SPEC 7: a write error is bad input with a message, and no output of the
# command is left behind.
t_write_errors () {
  for cmd in "validate $rules" "score --rules $rules --events $sample" \
             "replay --rules $rules --events $sample" \
             "compare --rules $rules --rules $rules --events $sample"; do
    # shellcheck disable=SC2086
    "$cli" $cmd >/dev/full 2>"$tmp/err"
    [ $? -eq 1 ] || { echo "$cmd > /dev/full did not exit 1"; return 1; }
    has "$tmp/err" 'standard output: No space left on device' || return 1
  done
}
t_outputs_together () {
  rm -f "$tmp/together.csv"
  "$cli" replay --rules "$rules" --events "$sample" --leads-out "$tmp/together.csv" >/dev/full 2>/dev/null
  [ $? -eq 1 ] && [ ! -e "$tmp/together.csv" ] &&
  [ -z "$(find "$tmp" -name '.together.csv.*')" ]
}
t_output_through_link () {
  printf 'old\n' >"$tmp/private.csv" && chmod 600 "$tmp/private.csv" &&
  ln -sf private.csv "$tmp/link.csv" &&
  run 0 score --rules "$rules" --events "$sample" -o "$tmp/link.csv" &&
  [ -L "$tmp/link.csv" ] && [ "$(stat -c %a "$tmp/private.csv")" = 600 ] &&
  has "$tmp/private.csv" '^lead_id,score,intent,fit,stage$'
}
t_max_events () {
  run 1 replay --max-events 100 --rules "$rules" --events "$sample" &&
  has "$tmp/err" 'use --max-events to raise the limit' && empty "$tmp/out"
}
t_bins_zero () { run 2 replay --bins 0 --rules "$rules" --events "$sample" && empty "$tmp/out"; }

check "validate accepts the sample rules" t_validate_ok
check "validate names every problem with its JSON path" t_validate_bad
check "validate warns about a stage a hotter one shadows, and succeeds" t_validate_unreachable
check "score the REES46 sample" t_score_sample
check "score --as-of" t_score_as_of
check "replay --json --leads-out on the sample" t_replay_json
check "replay readable table" t_replay_table
check "replay --from --to" t_replay_range
check "compare two rule versions" t_compare
check "a bad timestamp names file and line, prints nothing" t_bad_timestamp
check "--skip-bad-rows counts and reports" t_bad_rows_skipped
check "a failed run leaves -o files alone" t_nothing_partial
check "-o writes the result" t_output_file
check "a missing file is bad input" t_missing_file
check "bad usage exits 2" t_usage
check "--help and --version" t_help_version
check "a write error on standard output is exit 1 with a message" t_write_errors
check "--leads-out is not left behind when standard output fails" t_outputs_together
check "-o writes through a link and keeps the file's permissions" t_output_through_link
check "--bins 0 is bad usage" t_bins_zero
check "--max-events stops an import that is too large" t_max_events
# explain (SPEC 7) on a small history whose parts are known by hand.
explain_fixture () {
  cat >"$tmp/ex.leadrules.json" <<'EOF'
{"format": "lead-intent-rules", "format_version": 1,
 "intent": [{"event": "add_to_cart", "points": 15}, {"event": "product_view", "points": 2, "max_points": 3}],
 "patterns": [{"name": "Returns", "kind": "repeat_product", "min_count": 2, "within_hours": 24, "points": 10},
              {"name": "Off", "kind": "return_days", "min_days": 1, "within_days": 2, "points": 4, "enabled": false}],
 "fit": [{"attribute": "country", "op": "eq", "value": "US", "points": 5}],
 "stages": [{"name": "hot", "min_score": 30}, {"name": "cold"}]}
EOF
  printf '%s\n' 'lead_id,timestamp,event,product_id,country' \
    'a,2026-01-01T10:00:00Z,product_view,p1,US' 'a,2026-01-01T11:00:00Z,product_view,p1,' \
    'a,2026-01-01T12:00:00.250Z,add_to_cart,p1,' 'b,2026-01-01T10:00:00Z,add_to_cart,p2,' \
    'b,2026-01-01T11:00:00Z,purchase,p2,' 'b,2026-01-01T12:00:00Z,product_view,p2,DE' >"$tmp/ex.csv"
}
explain () {  # explain STATUS ARGS… on the fixture
  want=$1
  shift
  explain_fixture && run "$want" explain --rules "$tmp/ex.leadrules.json" --events "$tmp/ex.csv" "$@"
}
t_explain_json () {
  # views 2 + 2 capped at 3, the repeat fires once (10), one cart (15), US (5)
  explain 0 --json --lead a &&
  has "$tmp/out" '^  "lead_id": "a",$' && has "$tmp/out" '^  "as_of": "2026-01-01T12:00:00.250Z",$' &&
  has "$tmp/out" '^  "score": 33,$' && has "$tmp/out" '^  "stage": "hot",$' &&
  has "$tmp/out" '^      "contribution": 3,$' && has "$tmp/out" '^      "raw": 4,$' &&
  has "$tmp/out" '^      "source": "event"$' && has "$tmp/out" '^      "name": "Off",$' &&
  [ "$(grep -c '"section": "patterns"' "$tmp/out")" -eq 3 ] &&
  [ "$(grep -c '"time": ' "$tmp/out")" -eq 3 ]
}
t_explain_text () {
  explain 0 --lead b &&
  has "$tmp/out" '^Score 2.000 = intent 2.000 + fit 0.000, stage cold$' &&
  has "$tmp/out" 'Contribution' && has "$tmp/out" '^fit\[0\]  *country .* DE (event)$' &&
  has "$tmp/out" 'outcome: intent and patterns start again' && has "$tmp/out" '^    intent\[1\] +2$'
}
t_explain_as_of () {
  # at 11:00 the cart is not there yet: 3 + 10 + 5
  explain 0 --json --lead a --as-of 2026-01-01T11:00:00Z &&
  has "$tmp/out" '^  "score": 18,$' && [ "$(grep -c '"time": ' "$tmp/out")" -eq 2 ]
}
t_explain_errors () {
  explain 1 --lead zz && has "$tmp/err" 'No lead “zz” in the events' && empty "$tmp/out" &&
  explain 1 --lead a --as-of 2025-01-01T00:00:00Z &&
  has "$tmp/err" 'no events at or before 2025-01-01T00:00:00Z' && empty "$tmp/out" &&
  explain 2 && explain 2 --lead a --as-of soon &&
  { "$cli" explain --rules "$tmp/ex.leadrules.json" --events "$tmp/ex.csv" --lead a >/dev/full 2>"$tmp/err"
    [ $? -eq 1 ]; } && has "$tmp/err" 'No space left on device'
}
t_explain_sample () {
  # The hottest lead of the sample: explain's score is score's.
  run 0 score --rules "$rules" --events "$sample" && row=$(sed -n 2p "$tmp/out") &&
  run 0 explain --json --rules "$rules" --events "$sample" --lead "${row%%,*}" &&
  got=$(sed -n 's/^  "score": \(.*\),$/\1/p' "$tmp/out") && want=$(echo "$row" | cut -d, -f2) &&
  { awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; exit !(d < 1e-6 && d > -1e-6) }' ||
    { echo "explain $got, score $want"; false; }; }
}

check "explain --json: every rule's part, the points of each event" t_explain_json
check "explain's readable report and the outcome's reset" t_explain_text
check "explain --as-of" t_explain_as_of
check "explain: unknown lead, no events yet, usage, write errors" t_explain_errors
check "explain agrees with score on the sample" t_explain_sample
# export-leads: who to follow up, by when, about what.
exl_fixture () {
  cat >"$tmp/exl.leadrules.json" <<'EOF'
{"format": "lead-intent-rules", "format_version": 1,
 "intent": [{"event": "add_to_cart", "points": 10}, {"event": "product_view", "points": 1}],
 "stages": [{"name": "hot", "min_score": 10, "channel": "phone", "follow_up_minutes": 15},
            {"name": "warm", "min_score": 2, "channel": "email"}, {"name": "cold"}]}
EOF
  printf '%s\n' 'lead_id,timestamp,event,product_id,variant,category' \
    'a,2026-01-01T10:00:00Z,product_view,p1,blue,"shoes, red"' 'a,2026-01-01T11:00:00Z,add_to_cart,p2,,bags' \
    'b,2026-01-01T10:00:00Z,product_view,,,books' 'b,2026-01-01T10:30:00Z,product_view,,,' \
    'c,2026-01-01T10:00:00Z,product_view,p3,,' >"$tmp/exl.csv"
}
t_export_leads () {
  exl_fixture &&
  run 0 export-leads --rules "$tmp/exl.leadrules.json" --events "$tmp/exl.csv" -o "$tmp/exl.out" && empty "$tmp/out" &&
  printf '%s\n' 'lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category' \
    'a,11.000000,hot,phone,2026-01-01T11:15:00Z,p2,,bags' 'b,2.000000,warm,email,,,,books' >"$tmp/exl.want" &&
  cmp "$tmp/exl.out" "$tmp/exl.want" &&
  run 0 export-leads --rules "$tmp/exl.leadrules.json" --events "$tmp/exl.csv" --stage hot &&
  [ "$(wc -l <"$tmp/out")" -eq 2 ] && has "$tmp/out" '^a,11.000000,hot,' &&
  run 0 export-leads --rules "$tmp/exl.leadrules.json" --events "$tmp/exl.csv" --stage cold --as-of 2026-01-01T10:00:00Z &&
  has "$tmp/out" '^a,1.000000,cold,,,p1,blue,"shoes, red"$' && has "$tmp/out" '^c,1.000000,cold,,,p3,,$'
}
t_export_leads_errors () {
  exl_fixture &&
  run 2 export-leads --rules "$tmp/exl.leadrules.json" --events "$tmp/exl.csv" --stage lukewarm &&
  has "$tmp/err" 'no stage “lukewarm”' && empty "$tmp/out" &&
  run 2 export-leads --rules "$tmp/exl.leadrules.json" &&
  run 2 export-leads --rules "$tmp/exl.leadrules.json" --events "$tmp/exl.csv" --as-of soon &&
  run 1 export-leads --rules "$tmp/exl.leadrules.json" --events "$tmp/missing.csv" && empty "$tmp/out"
}
t_export_leads_sample () {
  # Every lead above the catch-all, with score's numbers and order.
  run 0 score --rules "$rules" --events "$sample" &&
  awk -F, 'NR > 1 && $5 != "cold" { print $1 "," $2 "," $5 }' "$tmp/out" >"$tmp/score.cut" &&
  run 0 export-leads --rules "$rules" --events "$sample" &&
  awk -F, 'NR > 1 { print $1 "," $2 "," $3 }' "$tmp/out" >"$tmp/export.cut" &&
  [ -s "$tmp/export.cut" ] && cmp "$tmp/score.cut" "$tmp/export.cut"
}

check "export-leads: stages, deadlines, what to personalise with" t_export_leads
check "export-leads: unknown stage, usage, bad input" t_export_leads_errors
check "export-leads agrees with score on the sample" t_export_leads_sample
t_replay_diagnostics () {
  # SPEC's keys unchanged, a rules array only when asked; the table too.
  run 0 replay --json --rules "$rules" --events "$sample" && cp "$tmp/out" "$tmp/plain.json" &&
  ! grep -q '"rules"' "$tmp/plain.json" &&
  run 0 replay --json --diagnostics --rules "$rules" --events "$sample" &&
  has "$tmp/out" '"rules": \[' && has "$tmp/out" '"converters_fired"' && has "$tmp/out" '"flagged_share"' &&
  sed '/"rules": \[/,$d' "$tmp/out" >"$tmp/head.json" && sed '$d' "$tmp/plain.json" >"$tmp/plain-head.json" &&
  sed '$ s/},$/}/' "$tmp/head.json" | cmp - "$tmp/plain-head.json" &&
  run 0 replay --diagnostics --rules "$rules" --events "$sample" &&
  has "$tmp/out" 'Non-converters' && has "$tmp/out" 'intent\[0\]'
}

check "replay --diagnostics: the rules' diagnostics, SPEC keys unchanged" t_replay_diagnostics
echo "1..$n"
[ "$fails" -eq 0 ]
