#!/bin/sh
# Builds Lead Intent twice (plain with -Werror, then with AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs every test suite in both, GUI tests
# included (they start their own Xvfb and D-Bus session).  Then the fuzz
# targets run their regression inputs and fuzz for LI_FUZZ_SECONDS each
# (default 30; see docs/fuzzing.md).  Prints one line
# "N passed, N failed[, N skipped]" for CI and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0 skipped=0 status=0

suite () {  # suite BUILD_DIR MESON_SETUP_ARGS…
  dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" || { failed=$((failed + 1)); status=1; return; }
  fi
  meson compile -C "$dir" || { failed=$((failed + 1)); status=1; return; }
  # The sanitizers make the window tests several times slower.
  mult=1
  case $dir in *asan*) mult=4 ;; esac
  meson test -C "$dir" --print-errorlogs --num-processes 2 --timeout-multiplier $mult \
    >"$dir/test-summary.txt" 2>&1
  rc=$?
  cat "$dir/test-summary.txt"
  [ $rc -eq 0 ] || status=1
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$dir/test-summary.txt" | tail -1)
  expfail=$(sed -n 's/^Expected Fail: *\([0-9]*\).*/\1/p' "$dir/test-summary.txt" | tail -1)
  fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$dir/test-summary.txt" | tail -1)
  unexp=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$dir/test-summary.txt" | tail -1)
  timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$dir/test-summary.txt" | tail -1)
  skip=$(sed -n 's/^Skipped: *\([0-9]*\).*/\1/p' "$dir/test-summary.txt" | tail -1)
  passed=$((passed + ${ok:-0} + ${expfail:-0}))
  failed=$((failed + ${fail:-0} + ${unexp:-0} + ${timeout:-0}))
  skipped=$((skipped + ${skip:-0}))
  if [ -z "$ok" ] && [ $rc -ne 0 ]; then failed=$((failed + 1)); fi
}

suite build --werror
suite build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false

# Fuzzing: one result per target (its regressions and its run).
if command -v clang >/dev/null 2>&1; then
  log=$(mktemp)
  build-aux/fuzz.sh "${LI_FUZZ_SECONDS:-30}" >"$log" 2>&1
  fuzz_rc=$?
  cat "$log"
  ok=$(grep -c '^  fuzz-[a-z0-9-]* *ok ' "$log")
  bad=$(grep -c '^  fuzz-[a-z0-9-]* *FAILED' "$log")
  rm -f "$log"
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [ $fuzz_rc -ne 0 ]; then
    status=1
    [ "$bad" -gt 0 ] || failed=$((failed + 1))
  fi
else
  echo "clang not found: the fuzz targets are not run"
  skipped=$((skipped + 1))
fi

line="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
echo "$line"
exit $status
