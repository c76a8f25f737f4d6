#!/bin/bash
# probe-tcp LISTENER PORT FROM ADDR [SRCPORT]: the far end of a TCP check, started by the check
# itself. A listener runs in LISTENER (a node or NODE/NETNS) on PORT for this check only, as nobody
# with no capabilities and in nothing but that network namespace, so the learner can neither see nor
# signal it. It answers as a lab service does (tcp-answer), with $GRADE_TOKEN: a secret fresh for
# this check, so no earlier answer can pass for it. Then FROM connects to ADDR:PORT (from SRCPORT
# when given), sends $GRADE_SEND, prints what came back, and the listener is stopped.
# Prints "@@listen ready" or "@@listen failed REASON" first, and probe-conn's "@@syn ..." line last.
# Exit status: the connection's (nc's).
set -u
listener=$1 port=$2 from=$3 addr=$4 src=${5:-}
# shellcheck source=probe-lib.sh
source /usr/local/lib/grade/probe-lib.sh
sweep_work /tmp/probe-tcp
work=/tmp/probe-tcp.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
# The lab's root may not signal other users' processes (the lab container has no CAP_KILL): the
# listener's process group is stopped as nobody.
AS_NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
# A listener outlives its probe only if the probe is killed (SIGKILL skips the trap): it then ends by
# itself after LIFETIME seconds, and the next probe on its port stops it first (stale_listeners).
LIFETIME=60
LISTEN=(socat "TCP-LISTEN:$port,fork,reuseaddr" EXEC:/usr/local/lib/grade/tcp-answer)
pid=""
trap '[ -z "$pid" ] || "${AS_NOBODY[@]}" kill -KILL -- -"$pid" 2>/dev/null; rm -rf "$work"' EXIT

# start: the listener in a process group of its own (setsid: grade-enter execs down to `timeout`, so
# $pid leads the group, and every answer socat forks stays in it).
start() {
  setsid grade-enter serve "$listener" timeout -s KILL "$LIFETIME" "${LISTEN[@]}" 2>"$work/err" &
  pid=$!
  # Stopped on purpose at the end: no "Killed" notice of the shell's in the check's output.
  disown "$pid"
}

# ours: THIS probe's listener listens on the port. ss (as nobody, who may read its own processes'
# sockets) names the process holding the listening socket; it must be in our process group. A stale
# listener of a killed probe, or anything the learner runs, is never taken for ours.
ours() {
  local owner pgrp
  owner=$(grade-enter serve "$listener" ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1)
  owner=${owner#pid=}
  [ -n "$owner" ] && read -r _ _ _ _ pgrp _ <"/proc/$owner/stat" 2>/dev/null && [ "$pgrp" = "$pid" ]
}

# wait_ready: 0 once ours listens, 1 when the listener ended first (or 2 s passed; a busy machine
# gets its time from the check's own timeout).
wait_ready() {
  local i state
  for ((i = 0; i < 200; i++)); do
    read -r _ _ state _ 2>/dev/null <"/proc/$pid/stat" || return 1
    [ "$state" != Z ] || return 1
    ours && return 0
    sleep 0.01
  done
  return 1
}

# stale_listeners: the process groups of earlier probes' listeners on this port in LISTENER's network
# namespace (exactly our command line, run by nobody) whose probe is gone: a live probe (another
# grade checking the same lab) is their parent. Lab services run socat as nobody too, without
# `timeout` before it, so they never match.
stale_listeners() {
  local p uid key val cmd me ns want ppid
  want=$(printf '%s\0' timeout -s KILL "$LIFETIME" "${LISTEN[@]}" | tr '\0' ' ')
  me=$(grade-enter serve "$listener" readlink /proc/self/ns/net 2>/dev/null) || return 0
  for p in /proc/[0-9]*; do
    uid=""
    while read -r key val _; do [ "$key" = Uid: ] && { uid=$val; break; }; done 2>/dev/null <"$p/status"
    [ "$uid" = 65534 ] || continue
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || continue
    [ "$cmd" = "$want" ] || continue
    read -r _ _ _ ppid _ <"$p/stat" 2>/dev/null || continue
    [[ "$(tr '\0' ' ' <"/proc/$ppid/cmdline" 2>/dev/null)" == *probe-tcp* ]] && continue
    ns=$(readlink "$p/ns/net" 2>/dev/null)
    [ "$ns" = "$me" ] && echo "${p#/proc/}"
  done
}

start
if ! wait_ready; then
  # The port may be held by the listener of an earlier probe that was killed: stop it, try once more.
  stale=$(stale_listeners)
  if [ -n "$stale" ]; then
    for p in $stale; do "${AS_NOBODY[@]}" kill -KILL -- -"$p" 2>/dev/null; done
    "${AS_NOBODY[@]}" kill -KILL -- -"$pid" 2>/dev/null
    start
    wait_ready || pid_failed=1
  else
    pid_failed=1
  fi
  if [ "${pid_failed:-0}" = 1 ]; then
    why=$(grep -m1 -o 'Address already in use\|grade-enter: .*' "$work/err" || true)
    echo "@@listen failed ${why:-the listener did not start}"
    exit 0
  fi
fi
echo "@@listen ready"
from_port=()
[ -z "$src" ] || from_port=(-p "$src")
# -N closes our side after sending, so the answer comes and the connection ends. probe-conn watches
# the handshake on the lab's switch: the listener must get the very connection FROM opened.
/usr/local/lib/grade/probe-conn "$from" "$listener" bash -c 'printf "%s" "$GRADE_SEND" | nc -v -n -N -w 2 "$@"' nc "${from_port[@]}" "$addr" "$port"
