#!/bin/bash
# Runs several of grade's own commands at once in one `docker exec`, which costs the engine far
# more than a fork does here. GRADE_BATCH has one request a line, tab-separated:
#   ID  SECONDS  ARGV (NUL-separated, base64)  ENV (NUL-separated NAME=VALUE, base64, may be empty)
# For each request, in order, it prints a header line
#   MARK ID EXIT_STATUS TIMED_OUT(0|1) MILLISECONDS STDOUT_BYTES STDERR_BYTES
# then the first CAP bytes of stdout and of stderr, each base64-encoded on a line of its own.
# (GRADE_MARK and GRADE_CAP come with the batch.)
set -u
work=$(mktemp -d /tmp/batch.XXXXXX)
trap 'rm -rf "$work"' EXIT
ids=()
while IFS=$'\t' read -r id secs argv env; do
  [ -n "$id" ] || continue
  ids+=("$id")
  (
    mapfile -d '' -t cmd < <(printf '%s' "$argv" | base64 -d)
    vars=()
    [ -z "$env" ] || mapfile -d '' -t vars < <(printf '%s' "$env" | base64 -d)
    t0=$EPOCHREALTIME
    env "${vars[@]}" timeout -s KILL "$secs" "${cmd[@]}" >"$work/$id.out" 2>"$work/$id.err" </dev/null
    rc=$?
    t1=$EPOCHREALTIME
    ms=$(( (${t1/./} - ${t0/./}) / 1000 ))
    timed=0
    [ "$rc" = 137 ] && [ "$ms" -ge $(( ${secs%.*} * 1000 )) ] && timed=1
    echo "$rc $timed $ms" >"$work/$id.rc"
  ) &
done <<<"$GRADE_BATCH"
wait
for id in "${ids[@]}"; do
  read -r rc timed ms <"$work/$id.rc" || { rc=255; timed=0; ms=0; }
  printf '%s %s %s %s %s %s %s\n' "$GRADE_MARK" "$id" "$rc" "$timed" "$ms" \
    "$(stat -c %s "$work/$id.out")" "$(stat -c %s "$work/$id.err")"
  head -c "$GRADE_CAP" "$work/$id.out" | base64 -w0; echo
  head -c "$GRADE_CAP" "$work/$id.err" | base64 -w0; echo
done
