#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes one random scoring case for tests/test-sql.sh.

    gen-case.py SEED DIR [--default-as-of]
    gen-case.py edges DIR

DIR/events.csv     canonical CSV (lead_id,timestamp,event,properties...)
DIR/rules.json     a rule set using every kind of rule
DIR/leads.csv      a leads file (only for some seeds)
DIR/as-of          the --as-of time, or empty for the latest event time
DIR/columns        the property names the rules read, one per line

The cases aim at the places where SQL and the engine could part: ties in
time, windows that end exactly at an event, outcomes between equal times,
cooldowns, numbers at the rounding boundary of a fit threshold, missing
columns.  "edges" is a fixed case with one lead on each such boundary
(each rule's points a different power of two, so every one shows).
Standard library only."""

import datetime
import json
import math
import os
import random
import sys
from fractions import Fraction

HOUR = 3600 * 1000
DAY = 24 * HOUR
T0 = 1772323200000  # 2026-03-01T00:00:00Z

# product views dominate so that the patterns fire, and fire again
EVENTS = ["product_view"] * 8 + ["page_view", "add_to_cart", "shipping_check", "checkout_start",
                                 "email_click", "search", "purchase", "order"]
PRODUCTS = ["p1", "p2", "p3"]
CATEGORIES = ["shoes", "c,3"]
LINKS = ["cart_recovery", "product", 'say "hi"', "line\nbreak"]
COUNTRIES = ["US", "CA", "DE", "us"]
LEAD_IDS = ["alice", "Bob", "bob", "Émile", "zed", "a,b", "lead 7", "Zoë", "_x", "0042"]
THRESHOLDS = [100, 49.9, 0, -0.5, 0.1, 1e-300, 1e300]


def exact_decimal(fr):
    """The exact decimal text of a dyadic fraction."""
    sign = "-" if fr < 0 else ""
    fr = abs(fr)
    k = fr.denominator.bit_length() - 1
    digits = str(fr.numerator * 5 ** k).rjust(k + 1, "0")
    return sign + (digits[:len(digits) - k] + "." + digits[len(digits) - k:] if k else digits)


def near(c):
    """Texts that round to c, to its neighbours, or exactly to the midpoints."""
    lo, hi = math.nextafter(c, -math.inf), math.nextafter(c, math.inf)
    mids = [exact_decimal((Fraction(lo) + Fraction(c)) / 2), exact_decimal((Fraction(c) + Fraction(hi)) / 2)]
    return [repr(c), repr(lo), repr(hi)] + mids + [m + "1" for m in mids] + [
        m[:-1] + str(int(m[-1]) - 1) + "9" for m in mids if m[-1] != "0"]


BUDGETS = ["100", "100.0", "1e2", "+100", "99.99", "100.00000000000001", "49.9", "49.90", "4.99E1",
           "-0.5", ".5", "5.", "0", "-0", "0.000", "1e400", "-1e400", "1e-400", "abc", "1,000",
           " 100", "0x10", "inf", "nan", "1e", "--1", "1.2.3", "\u0661\u0662", "12e+0003",
           "000123.4500", "1e-0000000000000000000002", "1e99999999999999999999", "0.1",
           "1e308", "1.7976931348623158e308", "1.7976931348623159e308", "-1.7976931348623159e308",
           exact_decimal(Fraction(2 ** 1024 - 2 ** 970)), exact_decimal(Fraction(2 ** 1024 - 2 ** 970 - 1)),
           # not numbers, but small ones if a part of the syntax went unchecked
           "0.0.1", "..5", "0e", "0e+", "0e1x", "0e1.5", ".", "-.", ".e1", "e1", "+", "-", "+-0", "0x0",
           "0 ", "0\n", "\u0660", "0\u0660", "0.1.", "0ee1", "0e-+1"]


def pick_decay(rng):
    model = rng.choice(["none", "exponential", "window", "linear"])
    if model == "none":
        return {"model": "none"}
    key = "half_life_days" if model == "exponential" else "days"
    return {"model": model, key: rng.choice([0.5, 1, 2, 3, 7, 1 / 3])}


def points(rng):
    return rng.choice([1, 2, 3, 5, 8, -2, 0.5, 2.5, 0.1, 1.5, -0.25, 10, 0.3, 1e-7])


def make_rules(rng, outcome, attrs):
    rules = {"format": "lead-intent-rules", "format_version": 1, "name": "case"}
    if outcome != "purchase" or rng.random() < 0.5:
        rules["outcome"] = {"event": outcome, "window_days": 14}
    rules["decay"] = pick_decay(rng)
    names = sorted(e for e in set(EVENTS) if e != outcome)
    intent = []
    for _ in range(rng.randint(2, 7)):
        r = {"event": rng.choice(names), "points": points(rng)}
        roll = rng.random()
        if roll < 0.25:
            r["where"] = {"link": rng.sample(LINKS, rng.randint(1, 2))}
        elif roll < 0.35:
            r["where"] = {"product_id": rng.choice(PRODUCTS), "category": rng.sample(CATEGORIES, 2)}
        elif roll < 0.4:
            r["where"] = {"size": "M"}  # a property no event has
        if rng.random() < 0.4:
            r["max_points"] = rng.choice([3, 5, 10, 0.75])
        if rng.random() < 0.4:
            r["decay"] = pick_decay(rng)
        intent.append(r)
    rules["intent"] = intent

    patterns = []
    for kind in ["repeat_product", "category_focus", "sequence", "return_days"]:
        for _ in range(rng.choice([1, 1, 2])):
            p = {"name": kind + str(len(patterns)), "kind": kind}
            if kind == "repeat_product":
                p["min_count"] = rng.randint(1, 4)
            elif kind == "category_focus":
                p["min_distinct"] = rng.randint(1, 3)
            elif kind == "sequence":
                p["events"] = [rng.choice(names + ["product_view"] * 4) for _ in range(rng.randint(2, 4))]
            else:
                p["min_days"] = rng.randint(1, 3)
            if kind == "return_days":
                p["within_days"] = rng.choice([0.5, 1, 2, 3, 5])
            else:
                p["within_hours"] = rng.choice([0.5, 1, 2, 6, 24, 72])
            p["points"] = points(rng)
            if rng.random() < 0.4:
                p["max_points"] = rng.choice([4, 10, 1.5])
            if rng.random() < 0.3:
                p["decay"] = pick_decay(rng)
            if rng.random() < 0.1:
                p["enabled"] = False
            patterns.append(p)
    rng.shuffle(patterns)
    rules["patterns"] = patterns

    fit = []
    for _ in range(rng.randint(2, 8)):
        a = rng.choice(attrs)
        op = rng.choice(["eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "missing"])
        if op in ("gt", "gte", "lt", "lte", "between") and rng.random() < 0.8:
            a = "budget"
        f = {"attribute": a, "op": op}
        if op in ("eq", "ne"):
            f["value"] = rng.choice(COUNTRIES + [100, 49.9])
        elif op in ("in", "not_in"):
            f["values"] = rng.sample(COUNTRIES, 2) + rng.choice([[], [100]])
        elif op in ("gt", "gte", "lt", "lte"):
            f["value"] = rng.choice(THRESHOLDS)
        elif op == "between":
            lo, hi = sorted(rng.sample(THRESHOLDS, 2))
            f["values"] = [lo, hi]
        f["points"] = points(rng)
        fit.append(f)
    rules["fit"] = fit

    stages = []
    for name in ["hot", "warm", "engaged"]:
        s = {"name": name}
        for cond in rng.sample(["min_score", "min_intent", "min_fit"], rng.randint(1, 3)):
            s[cond] = rng.choice([0, 1, 2.5, 5, 7.5, 10, 20, -1, 0.3])
        stages.append(s)
    stages.append({"name": "cold"})
    rules["stages"] = stages
    return rules


def spans(rules):
    """Every window and decay span of the rules, in milliseconds."""
    decays = [rules["decay"]] + [r["decay"] for r in rules["intent"] + rules["patterns"] if "decay" in r]
    out = {math.ceil(d["days"] * DAY) for d in decays if d["model"] in ("window", "linear")}
    for p in rules["patterns"]:
        out.add(math.ceil(p["within_days"] * DAY if "within_days" in p else p["within_hours"] * HOUR))
    return sorted(out)


def make_events(rng, budgets, edges, echo):
    leads = rng.sample(LEAD_IDS, rng.randint(5, len(LEAD_IDS))) + ["L%03d" % i for i in range(rng.randint(5, 30))]
    rows = []
    for lead in leads:
        t = T0 + rng.randrange(0, 3 * DAY)
        mine = []
        for _ in range(rng.randint(1, 8)):  # sessions
            for _ in range(rng.randint(1, 10)):
                if mine and rng.random() < echo:
                    # an earlier event again, a window's length (or 1 ms less or more) later
                    _, te, ev, props = rng.choice(mine[-10:])
                    mine.append((lead, te + rng.choice(edges) + rng.choice([0, 0, -1, 1]), ev, props))
                    continue
                roll = rng.random()
                if roll < 0.25:
                    step = 0  # a tie in time
                elif roll < 0.4:
                    step = rng.choice(edges) + rng.choice([0, 0, -1, 1])  # on a window's edge
                else:
                    step = rng.randrange(1, 40 * 60 * 1000)
                t += step
                ev = rng.choice(EVENTS)
                props = {}
                if ev == "product_view" or rng.random() < 0.1:
                    if rng.random() < 0.9:
                        props["product_id"] = rng.choice(PRODUCTS)
                    if rng.random() < 0.8:
                        props["category"] = rng.choice(CATEGORIES)
                if ev == "email_click" or rng.random() < 0.05:
                    props["link"] = rng.choice(LINKS)
                if rng.random() < 0.15:
                    props["country"] = rng.choice(COUNTRIES)
                if rng.random() < 0.3:
                    props["budget"] = rng.choice(budgets)
                if rng.random() < 0.05:
                    props["device"] = rng.choice(["mobile", "desktop"])
                mine.append((lead, t, ev, props))
            t += rng.choice([DAY // 2, DAY, 2 * DAY, rng.randrange(HOUR, 2 * DAY)])
        rows += mine
    # Leads interleave in the file; each lead keeps its order, which decides ties.
    pending = {}
    for r in rows:
        pending.setdefault(r[0], []).append(r)
    out = []
    while pending:
        lead = rng.choice(sorted(pending))
        out.append(pending[lead].pop(0))
        if not pending[lead]:
            del pending[lead]
    return out


def fmt_time(ms, rng):
    s, frac = divmod(ms, 1000)
    d = datetime.datetime.fromtimestamp(s, datetime.timezone.utc)
    text = d.strftime("%Y-%m-%dT%H:%M:%S")
    if frac or rng.random() < 0.2:
        text += ".%03d" % frac
    return text + "Z"


def csv_field(v):
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


EDGE_RULES = {
    "format": "lead-intent-rules", "format_version": 1, "name": "edges",
    "intent": [
        {"event": "w_view", "points": 1, "decay": {"model": "window", "days": 1}},
        {"event": "l_view", "points": 2, "decay": {"model": "linear", "days": 1}},
        {"event": "x_view", "points": 4, "decay": {"model": "exponential", "half_life_days": 1}},
        {"event": "tie", "points": 8},
    ],
    "patterns": [
        {"name": "repeat", "kind": "repeat_product", "min_count": 2, "within_hours": 1, "points": 16},
        {"name": "cooldown", "kind": "repeat_product", "min_count": 1, "within_hours": 1, "points": 0.5},
        {"name": "focus", "kind": "category_focus", "min_distinct": 2, "within_hours": 1, "points": 32},
        {"name": "sequence", "kind": "sequence", "events": ["s_a", "s_b"], "within_hours": 1, "points": 64},
        {"name": "twice", "kind": "sequence", "events": ["s_a", "s_a", "s_b"], "within_hours": 1, "points": 0.25},
        {"name": "days", "kind": "return_days", "min_days": 2, "within_days": 1, "points": 128},
    ],
    "fit": [
        {"attribute": "budget", "op": "gte", "value": 100, "points": 256},
        {"attribute": "budget", "op": "gt", "value": 49.9, "points": 512},
        {"attribute": "budget", "op": "lt", "value": 0.1, "points": 1024},
        {"attribute": "budget", "op": "between", "values": [-0.5, 1e-300], "points": 2048},
        {"attribute": "country", "op": "eq", "value": "US", "points": 4096},
    ],
    "stages": [{"name": "hot", "min_score": 2, "min_fit": 0}, {"name": "cold"}],
}


def edge_case():
    """Events of the edges case, leads, and the as-of time."""
    A = T0 + 9 * DAY  # the as-of time
    T = A - 5 * DAY
    ev = []

    def add(lead, t, name, **props):
        ev.append((lead, t, name, props))

    for lead, dt in [("win-at", DAY), ("win-in", DAY - 1)]:
        add(lead, A - dt, "w_view")
    for lead, dt in [("lin-at", DAY), ("lin-in", DAY - 1), ("lin-half", DAY // 2)]:
        add(lead, A - dt, "l_view")
    add("exp-far", A - 700 * DAY, "x_view")
    add("asof-at", A, "w_view")
    add("asof-after", A + 1, "w_view")
    for lead, dt in [("rep-at", HOUR), ("rep-in", HOUR - 1), ("rep-tie", 0)]:
        add(lead, T, "product_view", product_id="p1", category="c1")
        add(lead, T + dt, "product_view", product_id="p1", category="c1")
    for k in range(4):  # the cooldown fires at 0, 1 h and 2 h, not at 1.5 h
        add("cooldown", T + [0, HOUR, HOUR + HOUR // 2, 2 * HOUR][k], "product_view", product_id="p2")
    for lead, dt in [("focus-at", HOUR), ("focus-in", HOUR - 1)]:
        add(lead, T, "product_view", product_id="p1", category="c1")
        add(lead, T + dt, "product_view", product_id="p2", category="c1")
    add("focus-noproduct", T, "product_view", product_id="p1", category="c1")
    add("focus-noproduct", T + 1, "product_view", category="c1")
    for lead, dt in [("seq-at", HOUR), ("seq-in", HOUR - 1)]:
        add(lead, T, "s_a")
        add(lead, T + dt, "s_b")
    add("seq-tie-ba", T, "s_b")
    add("seq-tie-ba", T, "s_a")
    add("seq-tie-ab", T, "s_a")
    add("seq-tie-ab", T, "s_b")
    for k in range(3):
        add("seq-twice", T + k, ["s_a", "s_a", "s_b"][k])
    day = (T // DAY) * DAY
    add("days-in", day - 1, "page_view")
    add("days-in", day, "page_view")
    add("days-at", day + HOUR, "page_view")
    add("days-at", day + HOUR + DAY, "page_view")
    add("days-outcome", day - HOUR, "purchase")  # the outcome's day is not one of them
    add("days-outcome", day + HOUR, "page_view")
    add("days-1969", -1, "page_view")
    add("days-1969", 0, "page_view")
    add("out-tie-after", T, "purchase")
    add("out-tie-after", T, "tie")
    add("out-tie-before", T, "tie")
    add("out-tie-before", T, "purchase")
    add("fit-tie", T, "page_view", budget="50")
    add("fit-tie", T, "page_view", budget="150")
    add("fit-tie-rev", T, "page_view", budget="150")
    add("fit-tie-rev", T, "page_view", budget="50")
    add("fit-before-outcome", T, "page_view", country="US")
    add("fit-before-outcome", T + 1, "purchase")
    add("fit-leads", T, "w_view")
    add("fit-override", T, "page_view", budget="49.9")
    values = sorted(set(near(100) + near(49.9) + near(0.1) + near(-0.5) + near(1e-300) + BUDGETS))
    for k, v in enumerate(values):
        add("num-%03d" % k, T, "page_view", budget=v)
    for lead in ["Bob", "bob", "Émile", "_x", "0042", "a,b", "Zoë"]:
        add(lead, A - HOUR, "w_view")
    leads = [("fit-leads", "US", "100"), ("fit-override", "", "1e3"), ("nobody", "US", "")]
    return ev, leads, A


def write_events(path, events, keys, rng):
    with open(path, "w", newline="") as f:
        f.write("lead_id,timestamp,event," + ",".join(keys) + "\n")
        for lead, t, ev, props in events:
            f.write(",".join([csv_field(lead), fmt_time(t, rng), ev] +
                             [csv_field(props.get(k, "")) for k in keys]) + "\n")


def write_edges(out):
    rng = random.Random(0)
    events, leads, as_of = edge_case()
    os.makedirs(out, exist_ok=True)
    write_events(os.path.join(out, "events.csv"), events, ["product_id", "category", "budget", "country"], rng)
    with open(os.path.join(out, "leads.csv"), "w", newline="") as f:
        f.write("lead_id,country,budget\n" + "".join(",".join(row) + "\n" for row in leads))
    with open(os.path.join(out, "rules.json"), "w") as f:
        json.dump(EDGE_RULES, f, indent=2)
    with open(os.path.join(out, "as-of"), "w") as f:
        f.write(fmt_time(as_of, rng) + "\n")
    with open(os.path.join(out, "columns"), "w") as f:
        f.write("budget\ncategory\ncountry\nproduct_id\n")


def main():
    if sys.argv[1] == "edges":
        write_edges(sys.argv[2])
        return
    seed, out = int(sys.argv[1]), sys.argv[2]
    default_as_of = "--default-as-of" in sys.argv[3:]
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    outcome = "order" if rng.random() < 0.3 else "purchase"
    attrs = ["country", "budget", "zone", "size", "device"]
    rules = make_rules(rng, outcome, attrs)
    # mostly the texts at the rounding boundaries of the thresholds in use
    thresholds = sorted({float(v) for f in rules["fit"] if f["op"] in ("gt", "gte", "lt", "lte", "between")
                         for v in ([f["value"]] if "value" in f else f["values"])})
    budgets = BUDGETS + sum((near(c) for c in thresholds), []) * 3
    edges = spans(rules)
    # odd seeds crowd the windows' edges
    events = make_events(rng, budgets, edges, 0.4 if seed % 2 else 0.1)

    write_events(os.path.join(out, "events.csv"), events,
                 ["product_id", "category", "link", "country", "budget", "device"], rng)

    lead_ids = sorted({e[0] for e in events})
    if seed % 3 != 0:
        with open(os.path.join(out, "leads.csv"), "w", newline="") as f:
            f.write("lead_id,country,budget,zone\n")
            for lead in rng.sample(lead_ids, len(lead_ids) // 2) + ["nobody"]:
                row = [lead, rng.choice(COUNTRIES + [""]), rng.choice(budgets + [""]),
                       rng.choice(["unserviceable", "eu", ""])]
                f.write(",".join(csv_field(v) for v in row) + "\n")

    with open(os.path.join(out, "rules.json"), "w") as f:
        json.dump(rules, f, indent=2)

    times = sorted(e[1] for e in events)
    as_of = ""
    if not default_as_of:
        # mostly a decay's edge (an event the span of its rule's window or
        # linear decay before, give or take 1 ms), else an event's own time
        # (ties at the as-of) or a time between events
        decays = [(r["event"], r.get("decay", rules["decay"])) for r in rules["intent"]]
        edge = [(t + math.ceil(d["days"] * DAY) + rng.choice([0, 0, 0, -1, 1])) for _, t, ev, _ in events
                for name, d in decays if name == ev and d["model"] in ("window", "linear")]
        t = rng.choice(times[len(times) // 3:])
        t = rng.choice([t, t + 1, t + rng.randrange(1, HOUR)] + ([rng.choice(edge)] * 9 if edge else []))
        as_of = fmt_time(t, rng)
    with open(os.path.join(out, "as-of"), "w") as f:
        f.write(as_of + "\n")

    used = set()
    for r in rules["intent"]:
        used.update(r.get("where", {}))
    if rules["patterns"]:
        used.update(["product_id", "category"])
    for x in rules["fit"]:
        used.add(x["attribute"])
    with open(os.path.join(out, "columns"), "w") as f:
        f.write("".join(k + "\n" for k in sorted(used)))


if __name__ == "__main__":
    main()
