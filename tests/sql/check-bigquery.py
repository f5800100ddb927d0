#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-bigquery.py QUERY.sql

BigQuery cannot run here, so this checks that an exported BigQuery query is
well formed: one statement ending in a semicolon, balanced parentheses,
strings in BigQuery's quoting, backquoted identifiers only, no syntax of
the other dialects (::, COLLATE, "identifiers"), and no function but those
listed below, all of which BigQuery's GoogleSQL has with the meaning the
query relies on."""

import re
import sys

FUNCTIONS = {
    # aggregate and window functions
    "SUM", "MAX", "MIN", "COUNT", "ROW_NUMBER", "DENSE_RANK", "FIRST_VALUE",
    # conditionals and conversions
    "COALESCE", "NULLIF", "CAST", "SAFE_CAST",
    # TIMESTAMP to milliseconds, integer division
    "UNIX_MILLIS", "DIV", "MOD",
    # strings
    "STRPOS", "SUBSTR", "LTRIM", "RTRIM", "LENGTH", "LOWER", "REGEXP_CONTAINS",
    # floating point
    "POWER", "FLOOR",
}
# words a "(" may follow that are not function calls
KEYWORDS = {"AS", "IN", "OVER", "AND", "OR", "NOT", "FROM", "JOIN", "ON", "WHEN", "THEN", "ELSE",
            "SELECT", "ALL", "RECURSIVE", "WITH"}


def tokens(sql):
    """Yields (kind, text) outside comments; strings and identifiers whole."""
    i = 0
    while i < len(sql):
        c = sql[i]
        if sql.startswith("--", i):
            i = sql.index("\n", i)
        elif c == "r" and sql.startswith("r'", i):
            j = sql.index("'", i + 2)
            yield "string", sql[i:j + 1]
            i = j + 1
        elif c == "'":
            j = i + 1
            while sql[j] != "'":
                if sql[j] == "\n":
                    raise ValueError("line break in a string at %d" % i)
                j += 2 if sql[j] == "\\" else 1
            yield "string", sql[i:j + 1]
            i = j + 1
        elif c == "`":
            j = sql.index("`", i + 1)
            yield "ident", sql[i:j + 1]
            i = j + 1
        elif c.isalpha() or c == "_":
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", sql[i:])
            yield "word", m.group(0)
            i += len(m.group(0))
        elif c.isspace():
            i += 1
        else:
            yield "punct", c
            i += 1


def main():
    sql = open(sys.argv[1]).read()
    problems = []
    toks = list(tokens(sql))
    depth = 0
    for n, (kind, text) in enumerate(toks):
        if kind == "punct":
            depth += {"(": 1, ")": -1}.get(text, 0)
            if depth < 0:
                problems.append("unbalanced )")
            if text == '"':
                problems.append('a "quoted" identifier')
            if text == ":" and n + 1 < len(toks) and toks[n + 1][1] == ":":
                problems.append(":: cast")
            if text == ";" and n != len(toks) - 1:
                problems.append("more than one statement")
        if kind == "word":
            if text.upper() == "COLLATE":
                problems.append("COLLATE")
            if n + 1 < len(toks) and toks[n + 1][1] == "(":
                if text.upper() not in FUNCTIONS | KEYWORDS:
                    problems.append("function %s is not in the list" % text)
    if depth != 0:
        problems.append("unbalanced parentheses")
    if not toks or toks[-1][1] != ";":
        problems.append("no final semicolon")
    for p in sorted(set(problems)):
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
