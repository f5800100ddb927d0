#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window through AT-SPI, as a screen reader and a keyboard user see it.

Run by test-a11y.sh inside dbus-run-session and xvfb-run, with the
accessibility bus started and the app (the sample data, compared with a
baseline) running.  Tab is pressed with xdotool; the focus is followed
through AT-SPI focus events.

- On the Compare page and on the Replay page, Tab reaches every control
  of the page (the focus is not trapped: the chain comes round to where it
  started).
- The stage lines of the histogram are sliders whose accessible value is
  the stage's minimum score, and setting that value moves the threshold.
"""
import os
import re
import subprocess
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

TIMEOUT = 90.0
failures = []

# libatspi waits 800 ms for a reply by default; under the sanitizers the
# app can be busy longer than that (a replay, a redraw), and a call that
# times out raises.  Wait as long as a user would.
Atspi.set_timeout(20000, 60000)


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL:', message, flush=True)
    else:
        print('ok:', message, flush=True)


def pump(seconds):
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not ctx.iteration(False):
            time.sleep(0.005)


def find_app():
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == 'lead-intent' and app.get_child_count() > 0:
                return app
        time.sleep(0.1)
    sys.exit('the application did not show up on the accessibility bus')


def descendants(acc):
    stack = [acc]
    while stack:
        node = stack.pop()
        yield node
        try:
            n = node.get_child_count()
        except GLib.Error:
            continue
        for i in reversed(range(n)):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append(child)


def find(root, predicate, what):
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        for node in descendants(root):
            try:
                if predicate(node):
                    return node
            except GLib.Error:
                pass
        pump(0.2)
    sys.exit('not found: ' + what)


def retry(call):
    """call(), again while the app is too busy to answer (up to TIMEOUT)."""
    end = time.monotonic() + TIMEOUT
    while True:
        try:
            return call()
        except GLib.Error:
            if time.monotonic() > end:
                raise
            pump(0.2)


def role(acc):
    return acc.get_role_name()


def name(acc):
    return acc.get_name() or ''


class FocusTracker:
    def __init__(self):
        self.focused = None
        self.changed = False
        self.listener = Atspi.EventListener.new(self._on_event)
        self.listener.register('object:state-changed:focused')

    def _on_event(self, event):
        if event.detail1 == 1:
            self.focused = event.source
            self.changed = True

    def tab(self, key='Tab'):
        self.changed = False
        subprocess.run(['xdotool', 'key', key], check=True)
        end = time.monotonic() + 1.5
        ctx = GLib.MainContext.default()
        while not self.changed and time.monotonic() < end:
            if not ctx.iteration(False):
                time.sleep(0.005)
        # the rest of the events of this key press
        pump(0.03)
        return self.focused if self.changed else None


def walk_focus_chain(tracker, max_steps=200):
    """Tab until the focus comes back to where it was first; returns the
    (role, name) of every stop, in order."""
    stops = []
    first = None
    stuck = 0
    for _ in range(max_steps):
        acc = tracker.tab()
        if acc is None:
            # No focus event: a trap, or a stop that GTK 4.8 does not
            # announce (the text of an AdwEntryRow); the editor's three
            # entries come in a row.
            stops.append(('?', '(no focus event)', None))
            stuck += 1
            if stuck == 6:
                return stops, False
            continue
        stuck = 0
        key = retry(lambda: (role(acc), name(acc), acc.get_index_in_parent(),
                             name(acc.get_parent() or acc)))
        if first is None:
            first = key
        elif key == first:
            return stops, True
        stops.append((key[0], key[1], acc))
    return stops, False


def reached(stops, predicate):
    return any(predicate(r, n) for r, n, _ in stops)


def inside(acc, container_name):
    """Whether @acc is inside the accessible named @container_name."""
    for _ in range(12):
        acc = retry(acc.get_parent) if acc is not None else None
        if acc is None:
            return False
        if retry(lambda: name(acc)) == container_name:
            return True
    return False


def show(stops):
    return [(r, n) for r, n, _ in stops]


def main():
    app = find_app()
    tracker = FocusTracker()
    pump(0.5)

    # --- Compare page (the app was started comparing with a baseline) -----
    stops, wrapped = walk_focus_chain(tracker)
    print('compare page focus chain:', show(stops), flush=True)
    check(wrapped, 'Tab comes round on the Compare page (no trap)')
    for label in ['Replay', 'Compare']:
        check(reached(stops, lambda r, n, label=label: r == 'page tab' and n == label),
              'Tab reaches the %s page tab' % label)
    check(reached(stops, lambda r, n: n.startswith('Compared against')),
          'Tab reaches the baseline button')
    check(reached(stops, lambda r, n: r == 'check box' and 'Square-root' in n),
          'Tab reaches the square-root scale check box')
    cells = [n for r, n, _ in stops if r == 'push button' and ' under A, ' in n]
    check(len(cells) >= 3, 'Tab reaches the migration cells (%d)' % len(cells))
    check(reached(stops, lambda r, n: r == 'spin button' and n.startswith('Points for')),
          'Tab reaches the editor on the Compare page')

    # A migration cell lists its leads; the list is reached too.
    cell = find(app, lambda a: role(a) == 'push button' and ' under A, ' in name(a)
                and 'hot under A, warm under B' in name(a), 'a migration cell')
    Atspi.Action.do_action(cell, 0)
    pump(0.5)
    stops, wrapped = walk_focus_chain(tracker)
    check(wrapped, 'Tab comes round with a lead list shown')
    lead_stops = [n for r, n, a in stops if a is not None and inside(a, 'Leads of the selected cell')]
    print('lead list stops:', lead_stops, flush=True)
    check(len(lead_stops) == 1, 'Tab reaches the lead list of a migration cell, as one stop')

    # --- Replay page ---------------------------------------------------
    tab = find(app, lambda a: role(a) == 'page tab' and name(a) == 'Replay', 'the Replay page tab')
    Atspi.Action.do_action(tab, 0)
    pump(0.5)
    stops, wrapped = walk_focus_chain(tracker)
    print('replay page focus chain:', show(stops), flush=True)
    check(wrapped, 'Tab comes round on the Replay page (no trap)')
    check(reached(stops, lambda r, n: 'Square-root' in n and r in ('toggle button', 'push button')),
          'Tab reaches the √ Scale toggle')
    for stage in ['hot', 'warm', 'engaged']:
        check(reached(stops, lambda r, n, stage=stage: r == 'slider' and '“%s”' % stage in n),
              'Tab reaches the stage line of “%s”' % stage)
    check(reached(stops, lambda r, n: n == 'All Time' and r in ('toggle button', 'push button')),
          'Tab reaches the replayed period (“All Time”)')
    check(reached(stops, lambda r, n: n == 'Event Names' and r in ('toggle button', 'push button')),
          'Tab reaches the event names')
    check(not reached(stops, lambda r, n: r == 'label'),
          'no label is a Tab stop (%r)' % [n for r, n, _ in stops if r == 'label'])
    rows = [n for r, n, a in stops if a is not None and inside(a, 'Stage metrics')]
    print('stage table stops:', rows, flush=True)
    check(len(rows) >= 1, 'Tab reaches the rows of the stage table (%d)' % len(rows))

    # Every stop is named once: no mnemonic underscores, no label said
    # twice ("_Save Save", "Add a stage Add").
    names = [n for r, n, _ in stops if r != '?']
    mnemonic = [n for n in names if re.search(r'(^|\s)_\w', n)]
    check(not mnemonic, 'no mnemonic underscores in names (%r)' % mnemonic)
    check('Save' in names and 'Add a stage' in names and 'Add a fit rule' in names,
          'buttons are named once')

    # --- The stage lines' accessible values ---------------------------------
    slider = find(app, lambda a: role(a) == 'slider' and '“hot”' in name(a), 'the “hot” stage line')
    value = slider.get_value_iface()  # noqa (Atspi 2.46 has no other way)
    check(value is not None, 'the stage line has an accessible value')
    check(abs(value.get_current_value() - 50.0) < 1e-9,
          'the “hot” line reads 50 (%r)' % value.get_current_value())
    check(value.get_minimum_value() <= 0.0 and value.get_maximum_value() >= 50.0,
          'its range covers the axis (%r–%r)' % (value.get_minimum_value(), value.get_maximum_value()))

    # Setting it through AT-SPI moves the threshold: an edit of the rules.
    frame = app.get_child_at_index(0)
    check(not name(frame).startswith('•'), 'the rules are unchanged (%r)' % name(frame))
    check(value.set_current_value(45.0), 'the value can be set through AT-SPI')
    end = time.monotonic() + 5
    while time.monotonic() < end and not name(frame).startswith('•'):
        pump(0.1)
    check(name(frame).startswith('•'), 'setting it edited the rules (%r)' % name(frame))
    # The replay of the edit may redraw the chart (slowly under the
    # sanitizers): read the line again, found afresh, until it settles.
    end = time.monotonic() + TIMEOUT
    current = None
    while time.monotonic() < end:
        try:
            line = find(app, lambda a: role(a) == 'slider' and '“hot”' in name(a), 'the “hot” stage line')
            current = line.get_value_iface().get_current_value()
        except GLib.Error:
            current = None
        if current is not None and abs(current - 45.0) < 1e-9:
            break
        pump(0.2)
    check(current is not None and abs(current - 45.0) < 1e-9,
          'the line reads the new value (%r)' % current)

    if failures:
        print('%d check(s) failed' % len(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
