#!/bin/sh
# The tuning assistant end to end (docs/tuning.md): every sweep point equals
# `replay --json` of the rules with the value set, every drift period equals
# `replay --from --to`, suggest keeps the structure and never loses holdout
# AUC; on the bundled sample and on generated cases
# (../shared/oracle/gen.py, skipped when it is not there).
set -u
cli=${LI_CLI:?}
src=${G_TEST_SRCDIR:?}
sample=$src/../data/sample/rees46-2019oct-head.csv.gz
rules=$src/data/cli/rees46.leadrules.json
compare=$src/tune-compare.py
gen=${LI_GEN:-$src/../../shared/oracle/gen.py}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tap.sh"

# sweep_equals RULES PARAM FROM TO STEPS EVENTS… — each point against replay
sweep_equals () {
  r=$1 p=$2 from=$3 to=$4 steps=$5
  shift 5
  "$cli" sweep --json --rules "$r" --param "$p" --from "$from" --to "$to" --steps "$steps" --events "$@" \
    >"$tmp/sweep.json" || return 1
  python3 "$compare" sweep "$cli" "$r" "$tmp/sweep.json" "$@"
}

# The numbers of a rule file a sweep may take, with a range around each.
params_of () {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
out = []
def num(path, v, lo, hi):
    out.append("%s %s %s" % (path, lo, hi))
out.append("outcome.window_days 0.5 %s" % (2 * r.get("outcome", {}).get("window_days", 14)))
d = r.get("decay", {})
if d.get("model") == "exponential":
    out.append("decay.half_life_days 0.25 %s" % (2 * d["half_life_days"]))
elif d.get("model") in ("window", "linear"):
    out.append("decay.days 0.25 %s" % (2 * d["days"]))
for i, x in enumerate(r.get("intent", [])):
    out.append("intent[%d].points %s %s" % (i, -abs(x["points"]), 2 * abs(x["points"]) + 1))
    if "max_points" in x:
        out.append("intent[%d].max_points 1 %s" % (i, 2 * x["max_points"]))
for i, x in enumerate(r.get("patterns", [])):
    out.append("patterns[%d].points 0 %s" % (i, 2 * abs(x["points"]) + 1))
    if "within_hours" in x:
        out.append("patterns[%d].within_hours 1 %s" % (i, 2 * x["within_hours"]))
for i, x in enumerate(r.get("fit", [])):
    out.append("fit[%d].points -10 10" % i)
for i, x in enumerate(r.get("stages", [])[:-1]):
    if "min_score" in x:
        out.append("stages[%d].min_score %s %s" % (i, x["min_score"] / 2, x["min_score"] * 2 + 1))
    if "min_fit" in x:
        out.append("stages[%d].min_fit -5 5" % i)
print("\n".join(out))
PY
}

# every_param_equals RULES EVENTS… — a 4-step sweep of every number
every_param_equals () {
  r=$1
  shift
  params_of "$r" >"$tmp/params"
  while read -r p lo hi; do
    sweep_equals "$r" "$p" "$lo" "$hi" 4 "$@" || { echo "sweep of $p"; return 1; }
  done <"$tmp/params"
}

drift_equals () {  # drift_equals RULES PERIOD EVENTS…
  r=$1 period=$2
  shift 2
  "$cli" drift --json --period "$period" --rules "$r" --events "$@" >"$tmp/drift.json" || return 1
  python3 "$compare" drift "$cli" "$r" "$tmp/drift.json" "$@"
}

# suggest_keeps RULES HOLDOUT EVENTS… — valid, same structure, holdout AUC ≥
suggest_keeps () {
  r=$1 holdout=$2
  shift 2
  set -- --events "$@"
  [ -n "$holdout" ] && set -- --holdout-from "$holdout" "$@"
  "$cli" suggest --json --rules "$r" -o "$tmp/suggested.json" "$@" >"$tmp/suggest.json" || return 1
  "$cli" validate "$tmp/suggested.json" >/dev/null || { echo "suggestion does not validate"; return 1; }
  python3 - "$r" "$tmp/suggested.json" "$tmp/suggest.json" <<'PY'
import json, sys
a, b, s = (json.load(open(p)) for p in sys.argv[1:])
def shape(r):
    # everything but the points and thresholds a suggestion may change
    r = json.loads(json.dumps(r))
    for x in r.get("intent", []) + r.get("patterns", []):
        x.pop("points", None)
    for x in r.get("stages", []):
        x.pop("min_score", None)
    return r
assert shape(a) == shape(b), "the structure changed"
for x in b.get("intent", []) + b.get("patterns", []):
    assert x["points"] * 2 == int(x["points"] * 2), "not an integer or a half: %s" % x["points"]
o, g = s["holdout"]["original"]["auc"], s["holdout"]["suggested"]["auc"]
if not s["fell_back"]:
    assert g >= o, "holdout AUC %s < %s" % (g, o)
for c in s["changes"]:
    assert "→" in c["reason"], c["reason"]
PY
}

t_sweep_sample () { every_param_equals "$rules" "$sample"; }
t_sweep_text () {
  run 0 sweep --rules "$rules" --events "$sample" --param 'intent[1].points' --from 0 --to 30 --steps 4 &&
  has "$tmp/out" 'Sweep of intent\[1\].points (now 15)'
}
t_sweep_bad () {
  run 1 sweep --rules "$rules" --events "$sample" --param 'intent[9].points' --from 0 --to 1 &&
  has "$tmp/err" 'intent\[9\].points: not a number' &&
  run 1 sweep --rules "$rules" --events "$sample" --param 'decay.half_life_days' --from -1 --to 1 &&
  run 2 sweep --rules "$rules" --events "$sample" --param 'intent[1].points' --from 0 --to 1 --steps 0 &&
  run 2 sweep --rules "$rules" --events "$sample" --param 'intent[1].points' --from x --to 1
}
t_replay_confidence () {
  run 0 replay --rules "$rules" --events "$sample" &&
  has "$tmp/out" '^hot: precision 0.113 (95 % interval 0.090–0.140), recall 0.370 (0.305–0.440)$' &&
  run 0 replay --json --rules "$rules" --events "$sample" && ! has "$tmp/out" 'interval' 2>/dev/null
}
t_drift_sample () { drift_equals "$rules" week "$sample"; }
t_goals_sample () {
  run 0 goals --json --rules "$rules" --events "$sample" --stage hot --precision 0.12 -o "$tmp/g.json" &&
  python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
assert g["reached"] and g["replay"]["stages"][0]["precision"] >= 0.12
' "$tmp/out" &&
  "$cli" replay --json --rules "$tmp/g.json" --events "$sample" >"$tmp/r.json" &&
  python3 -c '
import json, sys
g, r = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert g["replay"] == r
' "$tmp/out" "$tmp/r.json" &&
  run 0 goals --rules "$rules" --events "$sample" --stage warm --recall 0.5 && has "$tmp/out" 'recall goal' &&
  run 0 goals --rules "$rules" --events "$sample" --stage hot --capacity 100 && has "$tmp/out" 'per day' &&
  run 1 goals --rules "$rules" --events "$sample" --stage cold --recall 0.5 &&
  run 1 goals --rules "$rules" --events "$sample" --stage nope --recall 0.5 &&
  run 2 goals --rules "$rules" --events "$sample" --stage hot
}
t_suggest_sample () { suggest_keeps "$rules" "2019-10-01 02:30:00 UTC" "$sample"; }
t_suggest_refuses () {
  run 1 suggest --rules "$rules" --events "$sample" -o "$tmp/never.json" &&
  has "$tmp/err" 'converters before the holdout time' && [ ! -e "$tmp/never.json" ]
}

check "sweep points equal replays (sample, every number)" t_sweep_sample
check "sweep text" t_sweep_text
check "sweep refuses bad paths and values" t_sweep_bad
check "replay's table has Wilson intervals, its JSON does not" t_replay_confidence
check "drift periods equal replay --from --to (sample)" t_drift_sample
check "goals: thresholds, their replay, bad stages" t_goals_sample
check "suggest keeps the structure and the holdout AUC (sample)" t_suggest_sample
check "suggest refuses too few converters" t_suggest_refuses

if [ -f "$gen" ]; then
  for seed in 1 2 3; do
    python3 "$gen" "$tmp/g$seed" --seed "$seed" --leads 300 >/dev/null
    d=$tmp/g$seed
    check "sweep points equal replays (gen seed $seed)" every_param_equals "$d/rules-a.json" "$d/events.csv" --leads "$d/leads.csv"
    check "drift weeks equal replays (gen seed $seed)" drift_equals "$d/rules-b.json" week "$d/events.csv" --leads "$d/leads.csv"
    check "drift months equal replays (gen seed $seed)" drift_equals "$d/rules-a.json" month "$d/events.csv" --leads "$d/leads.csv"
  done
  for seed in 4 5; do
    python3 "$gen" "$tmp/s$seed" --seed "$seed" --leads 1500 >/dev/null
    d=$tmp/s$seed
    check "suggest keeps the structure and the holdout AUC (gen seed $seed)" suggest_keeps "$d/rules-a.json" "" "$d/events.csv" --leads "$d/leads.csv"
  done
else
  skip "generated cases" "no $gen"
fi

echo "1..$n"
[ "$fails" -eq 0 ]
