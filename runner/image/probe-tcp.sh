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
work=/tmp/probe-tcp.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
# The listener runs as nobody, and the lab's root may not signal other users' processes (the lab
# container has no CAP_KILL): stop its process group as nobody.
trap 'setpriv --reuid=65534 --regid=65534 --clear-groups kill -- -"$pid" 2>/dev/null; rm -rf "$work"' EXIT
# setsid makes the listener lead its own process group: stopping the group ends every answer it forked.
setsid grade-enter serve "$listener" socat "TCP-LISTEN:$port,fork,reuseaddr" EXEC:/usr/local/lib/grade/tcp-answer 2>"$work/err" &
pid=$!
# Ready when THIS socat listens. A learner's program on the port (an `nc -l` left running) makes it
# fail; the learner's sockets belong to the node's uids (100000 and up), never to nobody (65534).
ready=0
for ((i = 0; i < 200; i++)); do
  read -r _ _ state _ 2>/dev/null <"/proc/$pid/stat" || break
  [ "$state" != Z ] || break
  if grade-enter net "$listener" ss -Hltne "sport = :$port" 2>/dev/null | grep -q ' uid:65534 '; then
    ready=1
    break
  fi
  sleep 0.01
done
if [ "$ready" != 1 ]; then
  why=$(grep -m1 -o 'Address already in use\|grade-enter: .*' "$work/err" || true)
  echo "@@listen failed ${why:-the listener did not start}"
  exit 0
fi
echo "@@listen ready"
from_port=()
[ -z "$src" ] || from_port=(-p "$src")
# -N closes our side after sending, so the answer comes and the connection ends. probe-conn watches
# the handshake on the lab's switch: the listener must get the very connection FROM opened.
/usr/local/lib/grade/probe-conn "$from" "$listener" bash -c 'printf "%s" "$GRADE_SEND" | nc -v -n -N -w 2 "$@"' nc "${from_port[@]}" "$addr" "$port"
