#!/bin/bash
# probe-ping FROM FAR ADDR: ping ADDR from FROM, and count how many of this probe's echo requests
# left FROM and how many went into FAR. FROM and FAR are nodes, or NODE/NETNS: a network namespace
# the learner made inside a node (grade-enter's net mode opens it safely).
# The requests carry a random ICMP identifier and data pattern, so a capture can tell them from
# anything else. Where they are watched:
#   - between two nodes, on the lab's switch: the hidden namespace where every link's bridge lives,
#     out of the learner's reach. "sent" counts requests received on FROM's node's ports, "into"
#     requests the switch handed to FAR's node. When FAR is a namespace, "into" counts the requests
#     that arrived inside that namespace instead (it belongs to FAR's node, so they crossed the switch);
#     when FROM is one, or with WATCH, "sent" counts those that left it (a tunnel hides them from the
#     switch), unless GRADE_WIRE_SRC asks for the source address the switch sees.
#   - inside one node (NS1 to NS2, NS1 to the node's bridge): in the two namespaces themselves,
#     "sent" leaving FROM and "into" arriving in FAR, on any interface but lo.
# An address the learner put on FROM itself, a relay through another node, two names for one
# namespace, or anything else that answers in FAR's place shows as "sent=0" or "into=0".
# With a fourth argument, probe-ping FROM FAR ADDR WATCH also counts this probe's requests that crossed
# node WATCH's ports in clear ("watch=K"), whatever their addresses by then: a tunnel between FROM
# and FAR carries them encapsulated, so a router in between never sees one.
# The far end must also have answered, and its answer must have come back: "answered" counts echo
# replies to this probe that left FAR (the same places as "into", the other way), "back" those of
# them that were the first reply handed to FROM for their sequence number. A reply is matched by its
# IP ID and ICMP sequence number, which FAR's kernel chose when it answered, and by the data pattern
# it copies from the request: routing and NAT keep all three (NAT may rewrite the ICMP identifier, so
# that is not matched). A reply made anywhere else (an address of FROM, a router answering in FAR's
# place while a mirror sends FAR a copy of the request) has an IP ID of its own and never left FAR's
# port, so it does not count; nor does FAR's own reply arriving after one made nearer.
# "relays" names the learner's nodes other than FROM's and FAR's that hold a raw or packet socket
# during the probe (learner_raw_sockets): a program there can copy every field above by hand.
# Prints ping's output, then "@@probe sent=N into=M answered=A back=B relays=NODE:KIND,..." (sent and
# into -1 when a capture could not start). Exit status: ping's.
set -u
from=$1 far=$2 addr=$3 watch=${4:-}
# GRADE_WIRE_SRC: only requests carrying this source address count, on every link they cross. A
# check for "no NAT between pods" names the pod's own address: rewriting it on the way, and back
# again before the far end, earns nothing.
wire_src=${GRADE_WIRE_SRC:-}
id=$((SRANDOM % 65536))
printf -v pattern '%08x%08x' "$SRANDOM" "$SRANDOM"
work=/tmp/probe.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
trap 'rm -rf "$work"' EXIT
# Echo requests (type 8) to ADDR itself, with our identifier and the first 4 pattern bytes after
# ping's 16-byte timestamp. Requests the sender's own NAT sent elsewhere (OUTPUT DNAT to an address
# that answers in ADDR's place) do not count.
# Echo replies (type 0) carrying the pattern, whatever their addresses and identifier.
filter="(dst host $addr ${wire_src:+and src host $wire_src }and icmp[0] = 8 and icmp[4:2] = $id and icmp[24:4] = 0x${pattern:0:8})"
filter+=" or (icmp[0] = 0 and icmp[24:4] = 0x${pattern:0:8})"
# -v: each packet is two lines, the IP header's (with its ID) and the ICMP message's (with its seq).
TCPDUMP=(-i any -t -n -l -p -v --immediate-mode "$filter")
# shellcheck source=probe-lib.sh
source /usr/local/lib/grade/probe-lib.sh
sweep_work /tmp/probe

base_from=${from%%/*} base_far=${far%%/*}
if [ "$base_from" != "$base_far" ]; then
  capture_switch switch "${TCPDUMP[@]}"
  # A tunnel carries the requests encapsulated, out of the switch capture's sight: a sender that is a
  # namespace (any sender, with WATCH) is watched inside itself, as a far namespace is. Not with
  # GRADE_WIRE_SRC: the source address on the wire is what the switch must see.
  if { [ "$from" != "$base_from" ] || [ -n "$watch" ]; } && [ -z "$wire_src" ]; then
    capture from grade-enter net "$from" /usr/local/bin/tcpdump "${TCPDUMP[@]}"
  fi
  [ "$far" = "$base_far" ] || capture far grade-enter net "$far" /usr/local/bin/tcpdump "${TCPDUMP[@]}"
  # WATCH: this probe's requests crossing WATCH's ports in clear, whatever their addresses by then: NAT
  # on the way (to the far node's own address, and back) rewrites those, never the data pattern.
  if [ -n "$watch" ]; then
    # Also any UDP: the tunnel's own packets crossing WATCH show that this capture has caught up.
    capture_switch watch -i any -t -n -l -p -q --immediate-mode "(icmp[0] = 8 and icmp[24:4] = 0x${pattern:0:8}) or udp"
  fi
else
  capture from grade-enter net "$from" /usr/local/bin/tcpdump "${TCPDUMP[@]}"
  capture far grade-enter net "$far" /usr/local/bin/tcpdump "${TCPDUMP[@]}"
fi
# Stops at the first reply; sends again every 0.2 s until then, for 3 s at most.
learner_raw_sockets "$base_from" "$base_far" >"$work/relays" 2>/dev/null &
scan=$!
grade-enter net "$from" ping -n -c 1 -i 0.2 -w 3 -e "$id" -p "$pattern" "$addr"
status=$?
# Switch lines start "PORT DIRECTION ...". A frame a node sends is received on its port (P, for
# another host, or In, B, M); a frame the switch hands to a node leaves Out of that node's port.
from_ports=$(ports_of "$base_from") far_ports=$(ports_of "$base_far") watch_ports=""
[ -z "$watch" ] || watch_ports=$(ports_of "$watch")
# A capture inside a namespace sees FROM's or FAR's own interfaces (not lo): Out leaves it. On the
# switch, a frame a node sends is received on its port; one the switch hands to it leaves Out.
leaves() { # KIND(switch|ns) PORTS WHERE DIR
  if [ "$1" = ns ]; then [ "$3" != lo ] && [ "$4" = Out ]; else [ "$4" != Out ] && [[ "$2" == *" $3 "* ]]; fi
}
enters() {
  if [ "$1" = ns ]; then [ "$3" != lo ] && [ "$4" != Out ]; else [ "$4" = Out ] && [[ "$2" == *" $3 "* ]]; fi
}
# tally FILE KIND(switch|ns) SIDE(far|from): count the capture's packets for one end. tcpdump -v prints
# the IP header on one line (with its ID), the ICMP message on the next, indented (with its seq). (It
# ends with an empty line when stopped: that is no packet.) Read in this shell: no process per count.
tally() {
  local file=$1 kind=$2 side=$3 where="" dir="" ipid="" line ports key
  [ -e "$file" ] || return 0
  ports=$from_ports
  [ "$side" = far ] && ports=$far_ports
  while IFS= read -r line; do
    if [[ "$line" =~ ^([^[:space:]]+)[[:space:]]+([A-Za-z]+)[[:space:]]+IP[[:space:]].*[[:space:]]id[[:space:]]([0-9]+), ]]; then
      where=${BASH_REMATCH[1]} dir=${BASH_REMATCH[2]} ipid=${BASH_REMATCH[3]}
      continue
    fi
    [ -n "$where" ] && [[ "$line" =~ ICMP\ echo\ (request|reply),\ id\ [0-9]+,\ seq\ ([0-9]+) ]] || continue
    key=$ipid:${BASH_REMATCH[2]}
    if [ "${BASH_REMATCH[1]}" = request ]; then
      if [ "$side" = far ]; then enters "$kind" "$ports" "$where" "$dir" && into=$((into + 1)); else leaves "$kind" "$ports" "$where" "$dir" && sent=$((sent + 1)); fi
    elif [ "$side" = far ]; then
      leaves "$kind" "$ports" "$where" "$dir" && answered=$((answered + 1)) replies+="$key "
    elif enters "$kind" "$ports" "$where" "$dir" && [ -z "${first[${key#*:}]:-}" ]; then
      # Only the first reply FROM got for a sequence number counts: ping takes that one, and a reply
      # made nearer (a router answering in FAR's place) comes first, whatever comes after it.
      first[${key#*:}]=$key
      if [[ "$replies" == *" $key "* ]]; then back=$((back + 1)); else other=$((other + 1)); fi
    fi
    where=""
  done <"$file"
}
declare -A first
count() {
  sent=0 into=0 answered=0 back=0 other=0 seen=0 crossed=0 replies=" " first=()
  local far_file=$work/switch far_kind=switch from_file=$work/switch from_kind=switch
  [ -e "$work/far" ] && far_file=$work/far far_kind=ns
  [ -e "$work/from" ] && from_file=$work/from from_kind=ns
  # FAR's side first: the requests it got, and the replies it sent (their IP ID and seq); then FROM's:
  # the requests it sent, and which of FAR's very replies came back to it.
  tally "$far_file" "$far_kind" far
  tally "$from_file" "$from_kind" from
  if [ -e "$work/watch" ]; then
    while read -r port _ rest; do
      [ -n "$port" ] && [[ "$watch_ports" == *" $port "* ]] || continue
      crossed=$((crossed + 1))
      # An outer ICMP packet ("IP a > b: ICMP ..."), not one tcpdump decodes inside a tunnel's UDP.
      [[ "$rest" =~ ^IP\ [0-9.]+\ \>\ [0-9.]+:\ ICMP ]] && seen=$((seen + 1))
    done <"$work/watch"
  fi
}
# Both ends seen and FAR's reply back at FROM, and with WATCH, the watch capture caught up with
# something crossing it.
both_ends() { [ "$sent" -gt 0 ] && [ "$into" -gt 0 ] && [ "$back" -gt 0 ] && { [ -z "$watch" ] || [ "$crossed" -gt 0 ]; }; }
# On the switch alone one capture sees every frame in order: once FROM got a first reply that FAR did
# not send before it, the verdict is in and waiting longer changes nothing.
decided() { both_ends || { [ ! -e "$work/from" ] && [ ! -e "$work/far" ] && [ "$other" -gt 0 ]; }; }
wait_seen "$status" decided
stop_captures
wait "$scan"
relays=$(tr ' \n' ':,' <"$work/relays")
if [ "$listening" != 1 ]; then
  echo "@@probe sent=-1 into=-1 answered=-1 back=-1 relays=${relays%,} $said"
  exit "$status"
fi
count
echo "@@probe sent=$sent into=$into answered=$answered back=$back relays=${relays%,}${watch:+ watch=$seen}"
exit "$status"
