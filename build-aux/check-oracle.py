#!/usr/bin/env python3
"""Compares lead-intent-cli with the reference in ../shared/oracle on generated cases.

  build-aux/check-oracle.py CLI [--seeds 1-50] [--leads 150] [--shared ../shared]

For each seed: gen.py writes events, leads and two rule files; then `score` (at
the last event and at a mid-range --as-of), `replay --json --leads-out` for
both rule files and `compare --json` must agree with li_oracle.py (numbers
within 1e-6, everything else exactly).  Development aid, not a CI test: the
oracle lives outside the project.
"""
import argparse, csv, json, math, os, subprocess, sys, tempfile

def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout

def same(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                return "%s.%s missing" % (path, k)
            d = same(a[k], b[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s: %d vs %d items" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = same(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return None if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6) else "%s: %r vs %r" % (path, a, b)
    return None if a == b else "%s: %r vs %r" % (path, a, b)

def same_csv(exp, act, key):
    e = list(csv.DictReader(open(exp)))
    a = list(csv.DictReader(open(act)))
    if len(e) != len(a):
        return "%d vs %d rows" % (len(e), len(a))
    for r, (x, y) in enumerate(zip(e, a)):
        for k in x:
            try:
                ok = math.isclose(float(x[k]), float(y[k]), abs_tol=1.5e-6)  # printed with 6 decimals
            except ValueError:
                ok = x[k] == y[k]
            if not ok:
                return "row %d (%s) %s: %r vs %r" % (r + 1, x.get(key), k, x[k], y[k])
    return None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--seeds", default="1-30")
    ap.add_argument("--leads", type=int, default=150)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    oracle = os.path.join(a.shared, "oracle", "li_oracle.py")
    gen = os.path.join(a.shared, "oracle", "gen.py")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(int(lo), int(hi or lo) + 1):
            d = os.path.join(tmp, str(seed))
            run([sys.executable, gen, d, "--seed", str(seed), "--leads", str(a.leads)])
            ev = ["--events", os.path.join(d, "events.csv"), "--leads", os.path.join(d, "leads.csv")]
            ra, rb = os.path.join(d, "rules-a.json"), os.path.join(d, "rules-b.json")
            problems = []
            for extra in ([], ["--as-of", "2026-01-20T12:00:00Z"]):
                for rules in (ra, rb):
                    open(d + "/e.csv", "w").write(run([sys.executable, oracle, "score", "--rules", rules] + ev + extra))
                    open(d + "/a.csv", "w").write(run([a.cli, "score", "--rules", rules] + ev + extra))
                    p = same_csv(d + "/e.csv", d + "/a.csv", "lead_id")
                    if p:
                        problems.append("score %s %s: %s" % (os.path.basename(rules), " ".join(extra), p))
            for rules in (ra, rb):
                e = json.loads(run([sys.executable, oracle, "replay", "--rules", rules, "--leads-out", d + "/el.csv"] + ev))
                r = json.loads(run([a.cli, "replay", "--json", "--rules", rules, "--leads-out", d + "/al.csv"] + ev))
                p = same(e, r) or same_csv(d + "/el.csv", d + "/al.csv", "lead_id")
                if p:
                    problems.append("replay %s: %s" % (os.path.basename(rules), p))
            e = json.loads(run([sys.executable, oracle, "compare", "--rules", ra, "--rules", rb] + ev))
            r = json.loads(run([a.cli, "compare", "--json", "--rules", ra, "--rules", rb] + ev))
            p = same(e, r)
            if p:
                problems.append("compare: %s" % p)
            print("seed %d: %s" % (seed, "ok" if not problems else "; ".join(problems)))
            failures += bool(problems)
    print("%d of %d seeds differ" % (failures, int(hi or lo) - int(lo) + 1))
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
