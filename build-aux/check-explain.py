#!/usr/bin/env python3
"""Checks `lead-intent-cli explain --json` against `lead-intent-cli score`, lead by lead.

  build-aux/check-explain.py CLI [--seeds 1-20] [--leads 150] [--shared ../shared]
                             [--no-sample] [--jobs 2]

For each seed, ../shared/oracle/gen.py writes events, leads and two rule
files; for both rule files, at the last event and at a mid-range --as-of,
every lead that `score` prints is explained.  Then the bundled sample
(data/sample/) is explained the same way at its last event.  Each
explanation must have:

- score, intent, fit within 1e-6 of score's row (printed with 6 decimals),
  and the same stage;
- contributions that add up to score, intent and fit within 1e-6;
- one entry per intent rule, pattern and fit rule, in rule-file order;
- for each intent rule and pattern: count = the number of events whose
  points name it, raw = the sum of those points decayed to as_of (the
  rule's decay model, recomputed here), contribution = raw clamped to
  max_points;
- for each fit rule: contribution = raw = points × count, count 0 or 1,
  value null exactly when source is missing.

Development aid, not a CI test: gen.py lives outside the project.
"""
import argparse, concurrent.futures, csv, datetime, io, json, math, os, subprocess, sys, tempfile

DAY_MS = 86400000.0
HOUR_MS = 3600000.0
TOLERANCE = 1e-6
MID_AS_OF = "2026-01-20T12:00:00Z"


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def time_ms(text):
    """RFC 3339 as explain writes it (UTC, `Z`, milliseconds when not 0)."""
    t = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return round(t.timestamp() * 1000)


def decay_factor(decay, delta_ms):
    model = decay.get("model", "none")
    if model == "none":
        return 1.0
    if model == "exponential":
        return 2.0 ** (-delta_ms / (decay["half_life_days"] * DAY_MS))
    if model == "window":
        return 1.0 if delta_ms < decay["days"] * DAY_MS else 0.0
    if model == "linear":
        return max(0.0, 1.0 - delta_ms / (decay["days"] * DAY_MS))
    raise ValueError("decay model %r" % model)


class Stats:
    def __init__(self):
        self.explained = 0
        self.max_score = 0.0   # |explain − score| over score, intent, fit
        self.max_sum = 0.0     # |Σ contributions − score|
        self.max_raw = 0.0     # |raw − Σ points · decay|

    def add(self, other):
        self.explained += other.explained
        self.max_score = max(self.max_score, other.max_score)
        self.max_sum = max(self.max_sum, other.max_sum)
        self.max_raw = max(self.max_raw, other.max_raw)


def check_decayed(doc, e, section, items, stats):
    """Intent rules or patterns: count, raw and contribution from the events' points."""
    problems = []
    global_decay = doc.get("decay", {"model": "none"})
    as_of = time_ms(e["as_of"])
    parts = [r for r in e["rules"] if r["section"] == section]
    for index, (item, part) in enumerate(zip(items, parts)):
        decay = item.get("decay", global_decay)
        count, raw = 0, 0.0
        for ev in e["events"]:
            for p in ev["points"]:
                if p["section"] == section and p["index"] == index:
                    count += 1
                    raw += p["points"] * decay_factor(decay, as_of - time_ms(ev["time"]))
        cap = item.get("max_points")
        contribution = raw if cap is None else max(-cap, min(cap, raw))
        stats.max_raw = max(stats.max_raw, abs(part["raw"] - raw))
        if part["count"] != count:
            problems.append("%s[%d] count %d, its events say %d" % (section, index, part["count"], count))
        if abs(part["raw"] - raw) > TOLERANCE or abs(part["contribution"] - contribution) > TOLERANCE:
            problems.append("%s[%d] raw %r contribution %r, its events say %r %r"
                            % (section, index, part["raw"], part["contribution"], raw, contribution))
    return problems


def check_fit(doc, e):
    problems = []
    for index, (rule, part) in enumerate(zip(doc.get("fit", []), [r for r in e["rules"] if r["section"] == "fit"])):
        if part["count"] not in (0, 1) or part["contribution"] != rule["points"] * part["count"] or \
           part["raw"] != part["contribution"]:
            problems.append("fit[%d]: count %r contribution %r raw %r" % (index, part["count"], part["contribution"], part["raw"]))
        if (part["value"] is None) != (part["source"] == "missing"):
            problems.append("fit[%d]: value %r from %r" % (index, part["value"], part["source"]))
    return problems


def check_one(doc, e, row, stats):
    """Problems of one explanation against its score row (lead_id, score, intent, fit, stage)."""
    problems = []
    names = [r["event"] for r in doc.get("intent", [])] + [p["name"] for p in doc.get("patterns", [])] + \
            [f["attribute"] for f in doc.get("fit", [])]
    sections = ["intent"] * len(doc.get("intent", [])) + ["patterns"] * len(doc.get("patterns", [])) + \
               ["fit"] * len(doc.get("fit", []))
    if [r["name"] for r in e["rules"]] != names or [r["section"] for r in e["rules"]] != sections:
        return ["rules are not the rule file's, in order"]

    for key, printed in (("score", row[1]), ("intent", row[2]), ("fit", row[3])):
        d = abs(e[key] - float(printed))
        stats.max_score = max(stats.max_score, d)
        if d > TOLERANCE:
            problems.append("%s %r, score says %s" % (key, e[key], printed))
    if e["stage"] != row[4]:
        problems.append("stage %s, score says %s" % (e["stage"], row[4]))

    total = sum(r["contribution"] for r in e["rules"])
    intent = sum(r["contribution"] for r in e["rules"] if r["section"] != "fit")
    stats.max_sum = max(stats.max_sum, abs(total - e["score"]))
    if abs(total - e["score"]) > TOLERANCE or abs(intent - e["intent"]) > TOLERANCE or \
       abs(total - intent - e["fit"]) > TOLERANCE:
        problems.append("contributions add up to %r (intent %r), score %r" % (total, intent, e["score"]))

    problems += check_decayed(doc, e, "intent", doc.get("intent", []), stats)
    problems += check_decayed(doc, e, "patterns", doc.get("patterns", []), stats)
    problems += check_fit(doc, e)
    times = [time_ms(ev["time"]) for ev in e["events"]]
    if times != sorted(times) or (times and times[-1] > time_ms(e["as_of"])):
        problems.append("events out of order or after as_of")
    return problems


def check_case(cli, rules, data, as_of, jobs):
    """Every lead of `score` explained; returns (problems, stats)."""
    doc = json.load(open(rules))
    base = ["--rules", rules] + data + (["--as-of", as_of] if as_of else [])
    rows = list(csv.reader(io.StringIO(run([cli, "score"] + base))))[1:]
    stats = Stats()

    def explain(row):
        return row, json.loads(run([cli, "explain", "--json", "--lead", row[0]] + base))

    problems = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for row, e in pool.map(explain, rows):
            stats.explained += 1
            problems += ["%s: %s" % (row[0], p) for p in check_one(doc, e, row, stats)]
    return problems, stats


def report(label, problems, stats):
    print("%s: %d leads explained, %s" % (label, stats.explained,
                                          "ok" if not problems else "; ".join(problems[:5])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("--leads", type=int, default=150)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--no-sample", action="store_true", help="skip the bundled sample")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    gen = os.path.join(a.shared, "oracle", "gen.py")
    total = Stats()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(int(lo), int(hi or lo) + 1):
            d = os.path.join(tmp, str(seed))
            run([sys.executable, gen, d, "--seed", str(seed), "--leads", str(a.leads)])
            data = ["--events", os.path.join(d, "events.csv"), "--leads", os.path.join(d, "leads.csv")]
            problems, stats = [], Stats()
            for rules in ("rules-a.json", "rules-b.json"):
                for as_of in (None, MID_AS_OF):
                    p, s = check_case(a.cli, os.path.join(d, rules), data, as_of, a.jobs)
                    problems += ["%s%s %s" % (rules, " at " + as_of if as_of else "", x) for x in p]
                    stats.add(s)
            report("seed %d" % seed, problems, stats)
            failures += bool(problems)
            total.add(stats)
    if not a.no_sample:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "sample")
        problems, stats = check_case(a.cli, os.path.join(root, "sample.leadrules.json"),
                                     ["--events", os.path.join(root, "rees46-2019oct-head.csv.gz")], None, a.jobs)
        report("sample", problems, stats)
        failures += bool(problems)
        total.add(stats)
    print("%d explanations, %d cases differ; max |explain − score| %.3g, max |Σ contributions − score| %.3g, "
          "max |raw − Σ points·decay| %.3g" % (total.explained, failures, total.max_score, total.max_sum, total.max_raw))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
