#!/bin/bash
# Runs several of grade's own commands at once in one `docker exec`, which costs the engine far
# more than a fork does here. GRADE_BATCH has one request a line, tab-separated:
#   ID  SECONDS  ARGV (shell words, quoted by grade)  ENV (NAME=VALUE shell words, may be empty)
# It first prints "MARK SLOWDOWN F": how many times slower than an idle machine this lab runs now
# (its CPU quota, and six starts of a program timed: a busy machine starts processes late), 1 to 40. Every request's SECONDS is
# stretched by F, and reaches the command as GRADE_SLOWDOWN, so verdicts do not depend on speed.
# For each request, in order, it prints a header line
#   MARK ID EXIT_STATUS TIMED_OUT(0|1) MILLISECONDS STDOUT_BYTES STDERR_BYTES
# then the first CAP bytes of stdout and of stderr, each base64-encoded on a line of its own.
# (GRADE_MARK and GRADE_CAP come with the batch.)
set -u
# A start of /bin/true takes under 1 ms on an idle machine of today; grade's commands are mostly
# process starts (nsenter, ip, ping), so this is the speed that sets how long they take.
slowdown() {
  local t0 t1 us best=-1 f=1 q=max p=100000 k r
  # The quickest of three rounds of two: one stall (another lab starting) is no slow machine. (Every
  # batch measures, and each start costs what it measures: a few are enough.)
  for ((r = 0; r < 3; r++)); do
    t0=$EPOCHREALTIME
    for ((k = 0; k < 2; k++)); do /bin/true; done
    t1=$EPOCHREALTIME
    us=$(( ${t1/./} - ${t0/./} ))
    { [ "$best" -lt 0 ] || [ "$us" -lt "$best" ]; } && best=$us
  done
  f=$(( (best * 5 + 9999) / 10000 ))
  # A CPU quota shows only over its period (100 ms), longer than the loop: read it as well (builtins only).
  if read -r q p 2>/dev/null </sys/fs/cgroup/cpu.max; then :
  else read -r q 2>/dev/null </sys/fs/cgroup/cpu/cpu.cfs_quota_us || q=max; read -r p 2>/dev/null </sys/fs/cgroup/cpu/cpu.cfs_period_us || p=100000
  fi
  if [[ "$q" =~ ^[0-9]+$ && "$p" =~ ^[0-9]+$ && "$q" -gt 0 && "$q" -lt "$p" ]]; then
    [ $(( (p + q - 1) / q )) -gt "$f" ] && f=$(( (p + q - 1) / q ))
  fi
  # Never below what grade saw in this lab before (GRADE_SLOWDOWN_SEEN): limits only ever grow.
  local seen=${GRADE_SLOWDOWN_SEEN:-1}
  [[ "$seen" =~ ^[0-9]+$ ]] && [ "$seen" -gt "$f" ] && f=$seen
  [ "$f" -lt 1 ] && f=1
  [ "$f" -gt 40 ] && f=40
  echo "$f"
}
SLOW=$(slowdown)
printf '%s SLOWDOWN %s\n' "$GRADE_MARK" "$SLOW"
work=/tmp/batch.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
trap 'rm -rf "$work"' EXIT
ids=()
# run_one ID SECONDS ARGV ENV: one request, in the background; its status goes to $work/ID.rc.
run_one() {
  local id=$1 secs=$2 argv=$3 env=$4
  (
    # The words were quoted by grade itself (runner/exec-batch.ts), from its own argv and env.
    cmd=() vars=()
    eval "cmd=($argv)"
    eval "vars=($env)"
    limit_ms=$(( (10#${secs%.*} * 1000 + 10#${secs#*.} * 10) * SLOW ))
    t0=$EPOCHREALTIME
    # timeout leads the command's own process group: TERM to all of it first, so cleanup traps run
    # (a probe's listener goes with its probe), then KILL to whatever is left a moment later.
    env "${vars[@]}" GRADE_SLOWDOWN="$SLOW" timeout -s TERM -k "$SLOW" "$((limit_ms / 1000)).$(printf %03d $((limit_ms % 1000)))" "${cmd[@]}" \
      >"$work/$id.out" 2>"$work/$id.err" </dev/null
    rc=$?
    t1=$EPOCHREALTIME
    ms=$(( (${t1/./} - ${t0/./}) / 1000 ))
    timed=0
    [[ "$rc" =~ ^(124|137)$ ]] && [ "$ms" -ge "$limit_ms" ] && timed=1
    record "$id" "$rc" "$timed" "$ms" >"$work/$id.rec"
  ) &
}

# record ID RC TIMED MS: the request's header line, then its stdout and stderr (the first CAP bytes of
# each), base64-encoded, a line each. Made as each request ends, so records are encoded side by side;
# an empty part costs no process.
record() {
  local id=$1 size sizes=(0 0) part i=0
  if [ -s "$work/$id.out" ] || [ -s "$work/$id.err" ]; then mapfile -t sizes < <(stat -c %s "$work/$id.out" "$work/$id.err"); fi
  printf '%s %s %s %s %s %s %s\n' "$GRADE_MARK" "$id" "$2" "$3" "$4" "${sizes[0]}" "${sizes[1]}"
  for part in out err; do
    size=${sizes[i]} i=$((i + 1))
    if [ "$size" -eq 0 ]; then :
    elif [ "$size" -le "$GRADE_CAP" ]; then base64 -w0 "$work/$id.$part"
    else head -c "$GRADE_CAP" "$work/$id.$part" | base64 -w0
    fi
    echo
  done
}
later=()
while IFS=$'\t' read -r id secs stage argv env; do
  [ -n "$id" ] || continue
  ids+=("$id")
  if [ "$stage" = 0 ]; then run_one "$id" "$secs" "$argv" "$env"; else later+=("$id"$'\t'"$secs"$'\t'"$argv"$'\t'"$env"); fi
done <<<"$GRADE_BATCH"
# Stage 0 first (when there is one), then the rest.
[ "${#later[@]}" -eq "${#ids[@]}" ] || wait
for line in "${later[@]}"; do
  IFS=$'\t' read -r id secs argv env <<<"$line"
  run_one "$id" "$secs" "$argv" "$env"
done
wait
recs=()
for id in "${ids[@]}"; do
  # A request whose record was never made (its subshell killed) ended with status 255 and nothing said.
  [ -s "$work/$id.rec" ] || { : >"$work/$id.out"; : >"$work/$id.err"; record "$id" 255 0 0 >"$work/$id.rec"; }
  recs+=("$work/$id.rec")
done
[ "${#recs[@]}" -eq 0 ] || cat "${recs[@]}"
