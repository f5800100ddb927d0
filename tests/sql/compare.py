#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""compare.py EXPECTED.csv GOT.csv

Compares the CSV of `lead-intent-cli score` with the rows an exported query
returned: the same leads, each with the same stage and with score, intent
and fit within 1e-6 (the CLI prints six decimals), in the same order.

One exception to the order: a score that lies on a rounding boundary of the
six printed decimals on paper (12.5000005) prints up or down depending on
the last bits of a floating-point sum, and neither the engine nor SQL sums
in an order the other can reproduce.  Such leads are checked like the
others but left out when the order is compared.  Prints "N leads, max
difference D, K on a rounding boundary"; exits 1 naming what differs."""

import csv
import math
import sys

HEADER = ["lead_id", "score", "intent", "fit", "stage"]


def read(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


def on_boundary(score):
    micro = float(score) * 1e6
    return abs(abs(micro - math.floor(micro)) - 0.5) < 1e-3


def main():
    expected, got = read(sys.argv[1]), read(sys.argv[2])
    problems = []
    if not got or got[0] != HEADER:
        problems.append("header %r" % (got[0] if got else None))
    exp_rows, got_rows = {r[0]: r for r in expected[1:]}, {r[0]: r for r in got[1:]}
    if len(got) != len(expected) or set(exp_rows) != set(got_rows):
        problems.append("%d rows, expected %d; leads only in the query: %s, only in score: %s" % (
            len(got) - 1, len(expected) - 1, sorted(set(got_rows) - set(exp_rows))[:5],
            sorted(set(exp_rows) - set(got_rows))[:5]))
    worst = 0.0
    for lead, e in exp_rows.items():
        g = got_rows.get(lead)
        if g is None:
            continue
        diff = max(abs(float(a) - float(b)) for a, b in zip(e[1:4], g[1:4]))
        worst = max(worst, diff)
        if e[4] != g[4] or diff > 1e-6:
            problems.append("lead %r: expected %s, got %s" % (lead, e, g))
    loose = {lead for lead, g in got_rows.items() if on_boundary(g[1])}
    exp_order = [r[0] for r in expected[1:] if r[0] not in loose]
    got_order = [r[0] for r in got[1:] if r[0] not in loose]
    if exp_order != got_order:
        i = next((i for i, (a, b) in enumerate(zip(exp_order, got_order)) if a != b), 0)
        problems.append("order differs from position %d: expected %s, got %s" % (
            i, exp_order[i:i + 3], got_order[i:i + 3]))
    print("%d leads, max difference %.3g, %d on a rounding boundary" % (len(expected) - 1, worst, len(loose)))
    for p in problems[:10]:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
