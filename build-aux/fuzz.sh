#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz) in build-fuzz and runs them.
#
#   build-aux/fuzz.sh [SECONDS]
#
# 1. Every file in tests/fuzz/regressions/<target>/ is run once.
# 2. Each target fuzzes for SECONDS (default 60; 0 skips this step) on a
#    copy of tests/fuzz/corpus/<target>/ (the repository is not modified).
# Exits non-zero on any finding (crash, sanitizer report, leak, timeout,
# memory limit, failed oracle); the inputs are kept under
# $BUILD_DIR/fuzz-artifacts/.  See docs/fuzzing.md.
#
# Environment: BUILD_DIR (default build-fuzz in the source tree),
# FUZZ_TARGETS (a space-separated subset), FUZZ_ARGS (more libFuzzer flags),
# LI_FUZZ_IGNORE (oracles to skip while their bug is being fixed; CI leaves
# it unset).
set -eu

SECONDS_PER_TARGET=${1:-60}
case $SECONDS_PER_TARGET in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$SRC/build-fuzz}
FUZZ_SRC=$SRC/tests/fuzz
ALL_TARGETS="fuzz-csv-reader fuzz-import-auto fuzz-import-csv fuzz-import-rees46
  fuzz-import-retailrocket fuzz-leads fuzz-time fuzz-rules fuzz-replay fuzz-compare
  fuzz-csv-map fuzz-import-mapped"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}

# The longest input a target makes up, in bytes (seeds are cut to it).
max_len () {
  case $1 in
    fuzz-time) echo 128 ;;
    fuzz-csv-reader|fuzz-leads) echo 4096 ;;
    fuzz-import-*) echo 8192 ;;
    *) echo 16384 ;;
  esac
}

dict () {
  if [ -f "$FUZZ_SRC/$1.dict" ]; then
    echo "$FUZZ_SRC/$1.dict"
  else
    case $1 in
      fuzz-import-*|fuzz-leads) echo "$FUZZ_SRC/fuzz-import.dict" ;;
    esac
  fi
}

# Build ----------------------------------------------------------------------
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  CC=clang meson setup "$BUILD_DIR" "$SRC" -Dgui=false -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
for t in $TARGETS; do
  ninja -C "$BUILD_DIR" "tests/fuzz/$t" >/dev/null || {
    ninja -C "$BUILD_DIR" "tests/fuzz/$t"; exit 1; }
done

# The targets set these too (li-fuzz.h); here they avoid a re-exec.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
if [ -n "${LI_FUZZ_IGNORE:-}" ]; then
  echo "warning: LI_FUZZ_IGNORE=$LI_FUZZ_IGNORE: these oracles are skipped" >&2
fi

ARTIFACTS=$BUILD_DIR/fuzz-artifacts
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/li-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
FLAGS="-timeout=5 -rss_limit_mb=2048"
failed=""
summary=""

# Regressions ----------------------------------------------------------------
for t in $TARGETS; do
  dir=$FUZZ_SRC/regressions/$t
  [ -d "$dir" ] || continue
  n=0
  bad=0
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    log=$ARTIFACTS/$t.regression-$(basename "$f").log
    # shellcheck disable=SC2086
    if ! "$BUILD_DIR/tests/fuzz/$t" $FLAGS ${FUZZ_ARGS:-} "$f" >"$log" 2>&1; then
      bad=$((bad + 1))
      echo "$t: regression input $(basename "$f") fails (log: $log)"
      grep -E '^(==[0-9]+==|==li-fuzz==|SUMMARY)' "$log" | tail -n 6 | sed 's/^/  /'
    fi
  done
  [ $n -gt 0 ] || continue
  if [ $bad -eq 0 ]; then
    echo "$t: $n regression inputs pass"
  else
    failed="$failed $t(regressions)"
  fi
done

# Fuzzing --------------------------------------------------------------------
if [ "$SECONDS_PER_TARGET" -gt 0 ]; then
  for t in $TARGETS; do
    corpus=$WORK/$t
    mkdir -p "$corpus" "$ARTIFACTS/$t"
    if [ -d "$FUZZ_SRC/corpus/$t" ]; then
      cp -R "$FUZZ_SRC/corpus/$t/." "$corpus/"
    fi
    d=$(dict "$t")
    log=$ARTIFACTS/$t.log
    echo "$t: fuzzing for ${SECONDS_PER_TARGET} s …"
    # shellcheck disable=SC2086
    if "$BUILD_DIR/tests/fuzz/$t" $FLAGS -max_total_time="$SECONDS_PER_TARGET" \
         -max_len="$(max_len "$t")" ${d:+-dict="$d"} -print_final_stats=1 \
         -artifact_prefix="$ARTIFACTS/$t/" ${FUZZ_ARGS:-} "$corpus" >"$log" 2>&1; then
      status=ok
    else
      status=FAILED
      failed="$failed $t"
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
    line=$(printf '%-26s %-6s %12s execs  cov %s' "$t" "$status" "${execs:-?}" "${cov:-?}")
    summary="$summary$line
"
    echo "  $line"
    if [ $status = FAILED ]; then
      grep -E '^(==[0-9]+==|==li-fuzz==|SUMMARY|artifact_prefix|Test unit written)' "$log" |
        tail -n 8 | sed 's/^/  /'
      echo "  log: $log"
    fi
  done
  echo
  echo "target                     result        execs  coverage"
  printf '%s' "$summary"
fi

if [ -n "$failed" ]; then
  echo "findings in:$failed (inputs and logs in $ARTIFACTS)"
  exit 1
fi
echo "no findings"
