#!/bin/bash
# probe-conn FROM FAR CMD...: run CMD (a check's TCP client, nc or curl) in FROM as a check does
# (grade-enter net) while the lab's switch watches the TCP handshakes that start between FROM's node and FAR's
# node. A connection that really went from FROM to FAR, through routers and NAT, arrives with the
# initial sequence number its client chose; a proxy in between (a userland relay, TPROXY) opens a
# connection of its own, with a sequence number of its own, even when it keeps the client's port.
# The far end must also have answered, and its answer must have come back: its SYN-ACK carries an
# initial sequence number FAR's kernel chose (and acknowledges the client's), which routing and NAT
# keep and nothing else can know before FAR sends it. A relay answers the client with a SYN-ACK of its
# own; a listener nearer the client, while a copy of the SYN goes on to FAR, too.
# Prints CMD's output, then "@@syn sent=N into=M same=K back=B relays=NODE:KIND,...": SYNs that left
# FROM's node, SYNs the switch handed to FAR's node, how many of those carry a sequence number one of
# the sent SYNs had, how many SYN-ACKs FAR sent for those came back to FROM as the first SYN-ACK
# for their SYN (the one the client's kernel takes), and the learner nodes
# off both ends that held a raw or packet socket meanwhile (learner_raw_sockets in probe-lib).
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
# shellcheck source=probe-lib.sh
source /usr/local/lib/grade/probe-lib.sh
sweep_work /tmp/probe-conn
base_from=${from%%/*} base_far=${far%%/*}
if [ "$base_from" = "$base_far" ]; then
  grade-enter net "$from" "$@"
  exit $?
fi
# Pure SYNs (SYN set, ACK clear) and SYN-ACKs, with absolute sequence numbers (-S).
SYNS=(-i any -t -n -l -p -S --immediate-mode "(${wire_src:+src host $wire_src and }tcp[13] & 0x12 = 0x02) or tcp[13] & 0x12 = 0x12")
capture_switch switch "${SYNS[@]}"
# An end that is a namespace is watched inside itself: a tunnel between the nodes carries the handshake
# encapsulated, out of the switch capture's sight. Not with GRADE_WIRE_SRC: the source address on the
# wire is what the switch must see.
if [ -z "$wire_src" ]; then
  [ "$from" = "$base_from" ] || capture from grade-enter net "$from" /usr/local/bin/tcpdump "${SYNS[@]}"
  [ "$far" = "$base_far" ] || capture far grade-enter net "$far" /usr/local/bin/tcpdump "${SYNS[@]}"
fi
learner_raw_sockets "$base_from" "$base_far" >"$work/relays" 2>/dev/null &
scan=$!
grade-enter net "$from" "$@"
status=$?
from_ports=$(ports_of "$base_from") far_ports=$(ports_of "$base_far")
# Lines read "PORT DIRECTION IP A.P > B.Q: Flags [S], seq N, ..." (a SYN-ACK: "[S.], seq N, ack M").
# A capture inside a namespace sees its own interfaces (not lo): Out leaves it. On the switch, a frame
# a node sends is received on its port; one the switch hands to it leaves Out.
leaves() { # KIND(switch|ns) PORTS WHERE DIR
  if [ "$1" = ns ]; then [ "$3" != lo ] && [ "$4" = Out ]; else [ "$4" != Out ] && [[ "$2" == *" $3 "* ]]; fi
}
enters() {
  if [ "$1" = ns ]; then [ "$3" != lo ] && [ "$4" != Out ]; else [ "$4" = Out ] && [[ "$2" == *" $3 "* ]]; fi
}
declare -A first
count() {
  sent=0 into=0 same=0 back=0 other=0 first=()
  local port dir rest seq ack sent_seqs=" " far_isns=" "
  local from_file=$work/switch far_file=$work/switch from_kind=switch far_kind=switch
  [ -e "$work/from" ] && from_file=$work/from from_kind=ns
  [ -e "$work/far" ] && far_file=$work/far far_kind=ns
  while read -r port dir rest; do
    if [[ "$rest" =~ Flags\ \[S\],\ seq\ ([0-9]+) ]] && leaves "$from_kind" "$from_ports" "$port" "$dir"; then
      sent=$((sent + 1)) sent_seqs+="${BASH_REMATCH[1]} "
    fi
  done <"$from_file"
  while read -r port dir rest; do
    if [[ "$rest" =~ Flags\ \[S\],\ seq\ ([0-9]+) ]]; then
      enters "$far_kind" "$far_ports" "$port" "$dir" || continue
      into=$((into + 1))
      [[ "$sent_seqs" == *" ${BASH_REMATCH[1]} "* ]] && same=$((same + 1))
    elif [[ "$rest" =~ Flags\ \[S\.\],\ seq\ ([0-9]+),\ ack\ ([0-9]+) ]]; then
      # FAR's answer to one of the client's own SYNs: it acknowledges that SYN's sequence number + 1.
      seq=${BASH_REMATCH[1]} ack=$(((BASH_REMATCH[2] + 4294967295) % 4294967296))
      leaves "$far_kind" "$far_ports" "$port" "$dir" && [[ "$sent_seqs" == *" $ack "* ]] && far_isns+="$seq:$ack "
    fi
  done <"$far_file"
  while read -r port dir rest; do
    if [[ "$rest" =~ Flags\ \[S\.\],\ seq\ ([0-9]+),\ ack\ ([0-9]+) ]] && enters "$from_kind" "$from_ports" "$port" "$dir"; then
      ack=$(((BASH_REMATCH[2] + 4294967295) % 4294967296))
      # The client's kernel takes the first SYN-ACK for its SYN and only answers later ones with an
      # ACK of the first: a relay or listener nearer than FAR answers first, whatever FAR sends after.
      [ -z "${first[$ack]:-}" ] || continue
      first[$ack]=${BASH_REMATCH[1]}
      if [[ "$far_isns" == *" ${BASH_REMATCH[1]}:$ack "* ]]; then back=$((back + 1)); else other=$((other + 1)); fi
    fi
  done <"$from_file"
}
handshake_seen() { [ "$same" -gt 0 ] && [ "$back" -gt 0 ]; }
# On the switch alone one capture sees every frame in order: once the client got a first SYN-ACK that
# FAR did not send before it, the verdict is in and waiting longer changes nothing.
decided() { handshake_seen || { [ ! -e "$work/from" ] && [ ! -e "$work/far" ] && [ "$other" -gt 0 ]; }; }
wait_seen "$status" decided
stop_captures
wait "$scan"
relays=$(tr ' \n' ':,' <"$work/relays")
if [ "$listening" != 1 ]; then
  echo "@@syn sent=-1 into=-1 same=-1 back=-1 relays=${relays%,} $said"
  exit "$status"
fi
count
echo "@@syn sent=$sent into=$into same=$same back=$back relays=${relays%,}"
exit "$status"
