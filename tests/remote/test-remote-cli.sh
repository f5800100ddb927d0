#!/bin/sh
# lead-intent-cli against a real HTTP server on 127.0.0.1 (li-test-endpoint):
# --events and --leads as URLs, fetch-rules and publish with ETags, the token
# from LEAD_INTENT_TOKEN and from the keyring, and no token in any file the
# CLI writes.
set -u
cli=${LI_CLI:?}
endpoint_server=${LI_TEST_ENDPOINT:?}
src=${G_TEST_SRCDIR:?}
rules=$src/data/cli/rees46.leadrules.json
events=$src/data/import/events.csv
leads=$src/data/import/leads.csv
token="tok-CLI-4f9a-secret"

tmp=$(mktemp -d)
server_pid=
keyring_pid=
cleanup () {
  exec 3>&- 2>/dev/null
  [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null
  [ -n "$keyring_pid" ] && kill "$keyring_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# Everything the CLI writes lands under $tmp/work.
mkdir -p "$tmp/work" "$tmp/logs"
export HOME="$tmp/work/home"
export XDG_STATE_HOME="$tmp/work/state" XDG_DATA_HOME="$tmp/work/data"
export XDG_CACHE_HOME="$tmp/work/cache" XDG_CONFIG_HOME="$tmp/work/config"
export LEAD_INTENT_HTTP_TIMEOUT=5
unset LEAD_INTENT_TOKEN
# No keyring outside the keyring test: lookups fail at once.
export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus"

mkfifo "$tmp/server-in"
LI_TEST_TOKEN=$token "$endpoint_server" "$src/data/import" <"$tmp/server-in" >"$tmp/port" 2>"$tmp/logs/server.err" &
server_pid=$!
exec 3>"$tmp/server-in"
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$tmp/port")
base="http://127.0.0.1:$port"
ep="$base/rules"

n=0
fails=0
check () {
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

runs=0
run () {  # run EXPECTED_STATUS ARGS… — output in $tmp/out, $tmp/err, kept in $tmp/logs
  want=$1
  shift
  runs=$((runs + 1))
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  cp "$tmp/out" "$tmp/logs/$runs.out"
  cp "$tmp/err" "$tmp/logs/$runs.err"
  [ "$got" = "$want" ] || { echo "exit $got, wanted $want: $*"; cat "$tmp/err"; return 1; }
}
has () { grep -q -- "$2" "$1" || { echo "“$2” not in $1:"; head -5 "$1"; return 1; }; }
lacks () { ! grep -q -- "$2" "$1" || { echo "“$2” in $1:"; head -5 "$1"; return 1; }; }

t_events_url () {
  run 0 score --rules "$rules" --events "$events" --leads "$leads" && cp "$tmp/out" "$tmp/local.csv" &&
  run 0 score --rules "$rules" --events "$base/file/events.csv" --leads "$base/file/leads.csv" &&
  cmp "$tmp/out" "$tmp/local.csv"
}
t_events_url_gzip () {
  run 0 export-events --events "$events" && cp "$tmp/out" "$tmp/local.csv" &&
  run 0 export-events --events "$base/file/events.csv.gz" && cmp "$tmp/out" "$tmp/local.csv" &&
  run 0 export-events --events "$base/file/events.csv?gzip" && cmp "$tmp/out" "$tmp/local.csv" &&
  run 0 export-events --events "$events" "$base/file/events-2.csv"
}
t_events_url_errors () {
  run 1 export-events --events "http://ann:pw@127.0.0.1:$port/file/missing.csv?key=abc" -o "$tmp/work/x.csv" &&
  has "$tmp/err" "^http://127.0.0.1:$port/file/missing.csv: the server answered 404 Not Found$" &&
  lacks "$tmp/err" "pw" && lacks "$tmp/err" "abc" && [ ! -e "$tmp/work/x.csv" ] &&
  run 1 export-events --events "$base/truncated" -o "$tmp/work/x.csv" &&
  has "$tmp/err" "the connection closed after 63 of 1000 bytes" && [ ! -e "$tmp/work/x.csv" ] &&
  run 1 score --rules "$rules" --events "$events" --leads "$base/status/500" &&
  has "$tmp/err" "500 Internal Server Error" &&
  run 1 export-events --events "$base/loop" && has "$tmp/err" "too many redirects"
}

t_fetch_nothing () {
  export LEAD_INTENT_TOKEN=$token
  run 1 fetch-rules --endpoint "$ep" -o "$tmp/work/prod.json" &&
  has "$tmp/err" "404 Not Found (nothing is published there yet" && [ ! -e "$tmp/work/prod.json" ]
}
t_publish_invalid () {
  export LEAD_INTENT_TOKEN=$token
  run 1 publish --rules "$src/data/cli/bad.leadrules.json" --endpoint "$ep" &&
  has "$tmp/err" "bad.leadrules.json" &&
  run 1 fetch-rules --endpoint "$ep" && has "$tmp/err" "404"
}
t_publish_no_token () {
  unset LEAD_INTENT_TOKEN
  run 1 publish --rules "$rules" --endpoint "$ep" && has "$tmp/err" "no token" &&
  has "$tmp/err" "token set --endpoint"
}
t_publish_wrong_token () {
  LEAD_INTENT_TOKEN=wrong-one run 1 publish --rules "$rules" --endpoint "$ep" &&
  has "$tmp/err" "401 Unauthorized (the token is missing, wrong or expired)" && lacks "$tmp/err" "wrong-one"
}
t_publish_first () {
  export LEAD_INTENT_TOKEN=$token
  run 0 publish --rules "$rules" --endpoint "$ep" && etag1=$(cat "$tmp/out") &&
  [ -n "$etag1" ] && has "$XDG_STATE_HOME/lead-intent/etags.json" "$(echo "$etag1" | tr -d '"')"
}
t_fetch () {
  export LEAD_INTENT_TOKEN=$token
  run 0 fetch-rules --endpoint "$ep" -o "$tmp/work/prod.json" &&
  [ "$(cat "$tmp/out")" = "$etag1" ] && cmp "$tmp/work/prod.json" "$rules" &&
  run 0 fetch-rules --endpoint "$ep" && cmp "$tmp/out" "$rules" && has "$tmp/err" "ETag: $etag1"
}
t_publish_again () {
  export LEAD_INTENT_TOKEN=$token
  sed 's/"window_days": 1/"window_days": 2/' "$rules" >"$tmp/work/v2.leadrules.json" &&
  run 0 publish --rules "$tmp/work/v2.leadrules.json" --endpoint "$ep" && etag2=$(cat "$tmp/out") &&
  [ "$etag2" != "$etag1" ]
}
t_publish_stale () {
  export LEAD_INTENT_TOKEN=$token
  run 1 publish --rules "$rules" --endpoint "$ep" --if-match "$etag1" &&
  has "$tmp/err" "412 Precondition Failed" && has "$tmp/err" "Production changed" &&
  has "$tmp/err" "lead-intent-cli fetch-rules --endpoint $ep -o production.json" &&
  has "$tmp/err" "lead-intent-cli compare --rules production.json --rules $rules" &&
  run 0 fetch-rules --endpoint "$ep" -o "$tmp/work/prod.json" &&
  cmp "$tmp/work/prod.json" "$tmp/work/v2.leadrules.json"
}
# Another machine saw v2; this one publishes v3; the other's publish is refused.
t_publish_other_machine () {
  export LEAD_INTENT_TOKEN=$token
  XDG_STATE_HOME="$tmp/work/state-b" run 0 fetch-rules --endpoint "$ep" -o "$tmp/work/b.json" &&
  sed 's/"window_days": 1/"window_days": 3/' "$rules" >"$tmp/work/v3.leadrules.json" &&
  run 0 publish --rules "$tmp/work/v3.leadrules.json" --endpoint "$ep" &&
  XDG_STATE_HOME="$tmp/work/state-b" run 1 publish --rules "$rules" --endpoint "$ep" &&
  has "$tmp/err" "Production changed"
}
t_usage () {
  run 2 publish --rules "$rules" --endpoint "http://rules.example/r" && has "$tmp/err" "https://" &&
  run 2 publish --rules "$rules" && has "$tmp/err" "needs --endpoint" &&
  run 2 fetch-rules --endpoint "https://ann:pw@rules.example/r" && lacks "$tmp/err" "pw@" &&
  run 2 token --endpoint "$ep" && run 2 token frobnicate --endpoint "$ep"
}

check "--events and --leads from URLs score as the local files" t_events_url
check "URLs: gzip by content and by Content-Encoding, mixed with files" t_events_url_gzip
check "URLs: 404, cut body, 500, redirect loop; no output, no credentials" t_events_url_errors
check "fetch-rules with nothing published: 404, no file" t_fetch_nothing
check "publish validates first and sends nothing" t_publish_invalid
check "publish without a token" t_publish_no_token
check "publish with a wrong token: 401" t_publish_wrong_token
etag1=
etag2=
check "publish the first version (If-None-Match: *), ETag remembered" t_publish_first
check "fetch-rules writes production and prints its ETag" t_fetch
check "publish again with the remembered ETag" t_publish_again
check "a stale --if-match is refused with how to compare" t_publish_stale
check "a publish from a machine that missed a version is refused" t_publish_other_machine
check "usage errors" t_usage

# The keyring: a Secret Service of our own inside a private D-Bus session.
t_keyring () {
  dbus-run-session -- sh -c '
    set -u
    printf pass | gnome-keyring-daemon --foreground --unlock --components=secrets \
      >"$KEYRING_LOG" 2>&1 &
    pid=$!
    trap "kill $pid 2>/dev/null" EXIT
    i=0
    until printf x | secret-tool store --label=probe lead-intent-probe 1 2>/dev/null; do
      i=$((i + 1)); [ $i -lt 100 ] || { echo "the keyring did not start"; exit 77; }; sleep 0.1
    done
    unset LEAD_INTENT_TOKEN
    printf "%s\n" "$TOKEN" | "$CLI" token set --endpoint "$EP" || exit 1
    [ "$(secret-tool lookup endpoint "$EP")" = "$TOKEN" ] || { echo "not in the keyring"; exit 1; }
    "$CLI" publish --rules "$RULES" --endpoint "$EP" >"$LOGS/keyring-publish.out" 2>"$LOGS/keyring-publish.err" ||
      { cat "$LOGS/keyring-publish.err"; exit 1; }
    "$CLI" token clear --endpoint "$EP" || exit 1
    if "$CLI" publish --rules "$RULES" --endpoint "$EP" >"$LOGS/keyring-2.out" 2>"$LOGS/keyring-2.err"; then
      echo "published without a token"; exit 1
    fi
    grep -q "no token" "$LOGS/keyring-2.err" || { cat "$LOGS/keyring-2.err"; exit 1; }
  '
}
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null &&
   command -v secret-tool >/dev/null; then
  unset DBUS_SESSION_BUS_ADDRESS
  export CLI="$cli" EP="$ep" TOKEN="$token" RULES="$tmp/work/v3.leadrules.json" LOGS="$tmp/logs"
  export KEYRING_LOG="$tmp/keyring.log"
  # The ETag remembered here is production's.
  XDG_STATE_HOME="$tmp/work/state" LEAD_INTENT_TOKEN=$token "$cli" fetch-rules --endpoint "$ep" \
    -o "$tmp/work/prod.json" >"$tmp/logs/pre.out" 2>"$tmp/logs/pre.err"
  t_keyring >"$tmp/check.out" 2>&1
  status=$?
  n=$((n + 1))
  if [ $status = 0 ]; then
    echo "ok $n - token set, publish with the keyring's token, token clear"
  elif [ $status = 77 ]; then
    echo "ok $n - the keyring # SKIP no Secret Service could run here: $(head -1 "$tmp/check.out" "$tmp/keyring.log" | tr '\n' ' ')"
  else
    echo "not ok $n - token set, publish with the keyring's token, token clear"
    sed 's/^/# /' "$tmp/check.out" "$tmp/keyring.log"
    fails=$((fails + 1))
  fi
  export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus"
else
  skip "the keyring" "dbus-run-session, gnome-keyring-daemon or secret-tool missing"
fi

# Last: the token is in no file the CLI wrote, no output and no log line.
t_no_token_in_files () {
  ls "$tmp/work/state/lead-intent/etags.json" >/dev/null &&
  ! grep -r -l -F -- "$token" "$tmp/work" "$tmp/logs" || { echo "the token is in those files"; return 1; }
}
check "the token is in no file, output or log" t_no_token_in_files

echo "1..$n"
[ $fails = 0 ]
