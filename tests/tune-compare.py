#!/usr/bin/env python3
"""Checks of test-tune.sh against the CLI's own replay.

  tune-compare.py sweep CLI RULES SWEEP.json EVENTS... — every point of the sweep
      equals `replay --json` of RULES with the point's value set at its path
  tune-compare.py drift CLI RULES DRIFT.json EVENTS... — every period equals
      `replay --json --from FROM --to TO`
"""
import json, re, subprocess, sys, tempfile, os

def set_path(obj, path, value):
    parts = re.findall(r'([a-z_]+)(?:\[(\d+)\])?', path)
    o = obj
    for i, (key, idx) in enumerate(parts):
        if i == len(parts) - 1 and not idx:
            o[key] = value
            return
        o = o[key]
        if idx:
            o = o[int(idx)]

def replay(cli, rules_path, events, extra=()):
    out = subprocess.run([cli, 'replay', '--json', '--rules', rules_path, *extra, '--events', *events],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit('replay failed: ' + out.stderr)
    return json.loads(out.stdout)

def main():
    mode, cli, rules_path, result_path, *events = sys.argv[1:]
    rules = json.load(open(rules_path))
    result = json.load(open(result_path))
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        if mode == 'sweep':
            for point in result['points']:
                r = json.loads(json.dumps(rules))
                v = point['value']
                set_path(r, result['param'], int(v) if v == int(v) else v)
                path = os.path.join(tmp, 'r.json')
                json.dump(r, open(path, 'w'))
                want = replay(cli, path, events)
                got = {k: point[k] for k in want}
                if got != want:
                    bad += 1
                    print('# %s = %s differs from replay' % (result['param'], v))
        else:
            for period in result['periods']:
                want = replay(cli, rules_path, events, ['--from', period['from'], '--to', period['to']])
                if period['replay'] != want:
                    bad += 1
                    print('# period %s differs from replay' % period['from'])
            if not result['periods']:
                bad += 1
                print('# no periods')
    sys.exit(1 if bad else 0)

main()
