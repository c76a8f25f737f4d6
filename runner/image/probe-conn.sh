#!/bin/bash
# probe-conn FROM FAR CMD...: run CMD (a check's TCP client, nc or curl) in FROM as a check does
# (grade-enter net) while the lab's switch watches the TCP handshakes that start between FROM's node and FAR's
# node. A connection that really went from FROM to FAR, through routers and NAT, arrives with the
# initial sequence number its client chose; a proxy in between (a userland relay, TPROXY) opens a
# connection of its own, with a sequence number of its own, even when it keeps the client's port.
# Prints CMD's output, then "@@syn sent=N into=M same=K": SYNs that left FROM's node, SYNs the switch
# handed to FAR's node, and how many of those carry a sequence number one of the sent SYNs had.
# (-1 each when the capture could not start; no line when FROM and FAR are one node: no switch
# lies between them.) Exit status: CMD's.
set -u
# GRADE_WIRE_SRC: only SYNs carrying this source address count (see probe-ping).
wire_src=${GRADE_WIRE_SRC:-}
from=$1 far=$2
shift 2
work=/tmp/probe-conn.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
trap 'rm -rf "$work"' EXIT
source /usr/local/lib/grade/probe-lib.sh
base_from=${from%%/*} base_far=${far%%/*}
if [ "$base_from" = "$base_far" ]; then
  grade-enter net "$from" "$@"
  exit $?
fi
# Pure SYNs (SYN set, ACK clear), with absolute sequence numbers (-S).
SYNS=(-i any -t -n -l -p -S --immediate-mode "${wire_src:+src host $wire_src and }tcp[13] & 0x12 = 0x02")
capture_switch switch "${SYNS[@]}"
# An end that is a namespace is watched inside itself: a tunnel between the nodes carries the handshake
# encapsulated, out of the switch capture's sight. Not with GRADE_WIRE_SRC: the source address on the
# wire is what the switch must see.
if [ -z "$wire_src" ]; then
  [ "$from" = "$base_from" ] || capture from grade-enter net "$from" /usr/local/bin/tcpdump "${SYNS[@]}"
  [ "$far" = "$base_far" ] || capture far grade-enter net "$far" /usr/local/bin/tcpdump "${SYNS[@]}"
fi
grade-enter net "$from" "$@"
status=$?
from_ports=$(ports_of "$base_from") far_ports=$(ports_of "$base_far")
# Lines read "PORT DIRECTION IP A.P > B.Q: Flags [S], seq N, ...".
count() {
  sent=0 into=0 same=0
  local port dir rest seq sent_seqs=" "
  # Switch lines start with a port; lines of a capture inside a namespace with an interface (not lo).
  local from_file=$work/switch far_file=$work/switch
  [ -e "$work/from" ] && from_file=$work/from
  [ -e "$work/far" ] && far_file=$work/far
  while read -r port dir rest; do
    [[ "$rest" =~ seq\ ([0-9]+) ]] || continue
    seq=${BASH_REMATCH[1]}
    if [ "$from_file" = "$work/from" ]; then
      [ "$port" != lo ] && [ "$dir" = Out ] || continue
    else
      [ "$dir" != Out ] && [[ "$from_ports" == *" $port "* ]] || continue
    fi
    sent=$((sent + 1)) sent_seqs+="$seq "
  done <"$from_file"
  while read -r port dir rest; do
    [[ "$rest" =~ seq\ ([0-9]+) ]] || continue
    if [ "$far_file" = "$work/far" ]; then
      [ "$port" != lo ] && [ "$dir" != Out ] || continue
    else
      [ "$dir" = Out ] && [[ "$far_ports" == *" $port "* ]] || continue
    fi
    into=$((into + 1))
    [[ "$sent_seqs" == *" ${BASH_REMATCH[1]} "* ]] && same=$((same + 1))
  done <"$far_file"
}
handshake_seen() { [ "$same" -gt 0 ]; }
wait_seen "$status" handshake_seen
stop_captures
if [ "$listening" != 1 ]; then
  echo "@@syn sent=-1 into=-1 same=-1 $said"
  exit "$status"
fi
count
echo "@@syn sent=$sent into=$into same=$same"
exit "$status"
