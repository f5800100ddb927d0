# SPDX-License-Identifier: GPL-3.0-or-later
# TAP helpers of the shell tests; sourced after $cli and $tmp are set.
# Each t_* function is one check; the script ends with `echo "1..$n"` and
# exits with the number of failures.
n=0
fails=0

check () {  # check NAME COMMAND… — TAP line from the command's status
  n=$((n + 1))
  name=$1
  shift
  if "$@" >"$tmp/check.out" 2>&1; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    sed 's/^/# /' "$tmp/check.out"
    fails=$((fails + 1))
  fi
}

skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

run () {  # run EXPECTED_STATUS ARGS… — stdout/stderr in $tmp/out, $tmp/err
  want=$1
  shift
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [ "$got" = "$want" ] || { echo "exit $got, wanted $want: $*"; cat "$tmp/err"; return 1; }
}

has () { grep -q -- "$2" "$1" || { echo "“$2” not in $1:"; head -5 "$1"; return 1; }; }
empty () { [ ! -s "$1" ] || { echo "$1 is not empty:"; head -3 "$1"; return 1; }; }
