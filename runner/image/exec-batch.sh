#!/bin/bash
# Runs several of grade's own commands at once in one `docker exec`, which costs the engine far
# more than a fork does here. GRADE_BATCH has one request a line, tab-separated:
#   ID  SECONDS  ARGV (shell words, quoted by grade)  ENV (NAME=VALUE shell words, may be empty)
# For each request, in order, it prints a header line
#   MARK ID EXIT_STATUS TIMED_OUT(0|1) MILLISECONDS STDOUT_BYTES STDERR_BYTES
# then the first CAP bytes of stdout and of stderr, each base64-encoded on a line of its own.
# (GRADE_MARK and GRADE_CAP come with the batch.)
set -u
work=/tmp/batch.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
trap 'rm -rf "$work"' EXIT
ids=()
while IFS=$'\t' read -r id secs argv env; do
  [ -n "$id" ] || continue
  ids+=("$id")
  (
    # The words were quoted by grade itself (runner/exec-batch.ts), from its own argv and env.
    eval "cmd=($argv)"
    eval "vars=($env)"
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
  read -r outsize errsize < <(stat -c %s "$work/$id.out" "$work/$id.err" | tr '\n' ' ')
  printf '%s %s %s %s %s %s %s\n' "$GRADE_MARK" "$id" "$rc" "$timed" "$ms" "$outsize" "$errsize"
  for part in out err; do
    size=$outsize
    [ "$part" = err ] && size=$errsize
    if [ "$size" -le "$GRADE_CAP" ]; then base64 -w0 "$work/$id.$part"; else head -c "$GRADE_CAP" "$work/$id.$part" | base64 -w0; fi
    echo
  done
done
