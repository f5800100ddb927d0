#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""create-tables.py postgres|sqlite EVENTS.csv LEADS.csv|- COLUMNS

Prints the psql or sqlite3 script that loads the output of
`lead-intent-cli export-events` (and a leads file) into the tables of
docs/sql-export.md, as that page tells users to.  PostgreSQL gets only the
columns the files have (the query reads a missing one as NULL); SQLite also
gets an empty column for each property in COLUMNS that the files lack."""

import csv
import sys


def header(path):
    with open(path, newline="") as f:
        return next(csv.reader(f))


def ident(name):
    return '"' + name.replace('"', '""') + '"'


def main():
    dialect, events, leads, columns = sys.argv[1:5]
    text = "text" if dialect == "postgres" else "TEXT"
    wanted = [c for c in open(columns).read().split("\n") if c]
    ev_cols = header(events)[4:]
    ld_cols = header(leads)[1:] if leads != "-" else []
    out = ["DROP TABLE IF EXISTS events;", "DROP TABLE IF EXISTS leads;"]
    if dialect == "postgres":
        out.append("CREATE TABLE events (seq bigint, lead_id text NOT NULL, ts timestamptz NOT NULL, "
                   "event text NOT NULL%s);" % "".join(", %s text" % ident(c) for c in ev_cols))
        out.append("CREATE TABLE leads (lead_id text PRIMARY KEY%s);" % "".join(", %s text" % ident(c) for c in ld_cols))
        out.append("\\copy events FROM '%s' WITH (FORMAT csv, HEADER true)" % events)
        if leads != "-":
            out.append("\\copy leads FROM '%s' WITH (FORMAT csv, HEADER true)" % leads)
    else:
        out.append("CREATE TABLE events (seq INTEGER, lead_id TEXT NOT NULL, ts INTEGER NOT NULL, "
                   "event TEXT NOT NULL%s);" % "".join(", %s TEXT" % ident(c) for c in ev_cols))
        out.append(".import --csv --skip 1 %s events" % events)
        out.append("UPDATE events SET ts = CAST(round((julianday(ts) - 2440587.5) * 86400000) AS INTEGER);")
        out += ["ALTER TABLE events ADD COLUMN %s TEXT;" % ident(c) for c in wanted if c not in ev_cols]
        out.append("CREATE TABLE leads (lead_id TEXT PRIMARY KEY%s);" % "".join(", %s TEXT" % ident(c) for c in ld_cols))
        if leads != "-":
            out.append(".import --csv --skip 1 %s leads" % leads)
        out += ["ALTER TABLE leads ADD COLUMN %s TEXT;" % ident(c) for c in wanted if c not in ld_cols]
    print("\n".join(out))


if __name__ == "__main__":
    main()
