#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `lead-intent --screenshot` loads the data, waits for the replay and writes
# a PNG of the window (light and dark).
set -eu

: "${LEAD_INTENT:?}" "${LI_SAMPLE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for style in light dark; do
  out="$tmp/shot-$style.png"
  if [ "$style" = dark ]; then set -- --dark; else set --; fi
  "$LEAD_INTENT" "$@" --screenshot "$out" \
    --rules "$LI_SAMPLE_DIR/sample.leadrules.json" \
    "$LI_SAMPLE_DIR/rees46-2019oct-head.csv.gz"
  test -s "$out" || { echo "no PNG written for $style" >&2; exit 1; }
  # PNG signature: \211 P N G
  magic=$(od -An -c -N4 "$out" | tr -d ' ')
  [ "$magic" = "211PNG" ] || { echo "not a PNG: $magic" >&2; exit 1; }
  size=$(wc -c < "$out")
  [ "$size" -gt 20000 ] || { echo "PNG too small ($size bytes): empty window?" >&2; exit 1; }
  echo "ok $style $size bytes"
done

# A failed import still writes the screenshot but exits with 1.
if "$LEAD_INTENT" --screenshot "$tmp/bad.png" "$G_TEST_SRCDIR/data/bad-row.csv" 2>"$tmp/err"; then
  echo "a failed import exited with 0" >&2
  exit 1
fi
grep -q 'bad-row.csv:3:' "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
test -s "$tmp/bad.png"
echo "ok failed import: $(cat "$tmp/err")"
