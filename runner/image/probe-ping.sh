#!/bin/bash
# probe-ping FROM FAR ADDR: ping ADDR from node FROM, and count how many of this probe's echo
# requests left FROM and how many went into FAR, as seen on the lab's switch: the hidden namespace
# where every link's bridge lives, out of the learner's reach. The requests carry a random ICMP
# identifier and data pattern, so a capture can tell them from anything else. An address the learner
# put on FROM itself, a relay through another node, or anything else that answers in FAR's place
# shows as "sent=0" or "into=0".
# Prints ping's output, then "@@probe sent=N into=M" (-1 each when the capture could not start).
# Exit status: ping's.
set -u
from=$1 far=$2 addr=$3
id=$((SRANDOM % 65536))
printf -v pattern '%08x%08x' "$SRANDOM" "$SRANDOM"
work=/tmp/probe.$$.$SRANDOM
mkdir -m 700 "$work" || exit 1
trap 'rm -rf "$work"' EXIT
# Echo request (type 8), our identifier, and the first 4 pattern bytes after ping's 16-byte timestamp.
filter="icmp[0] = 8 and icmp[4:2] = $id and icmp[24:4] = 0x${pattern:0:8}"
mkfifo "$work/err"
# The switch namespace, named SW_NS in lab-lib.sh.
nsenter --net=/run/netns/grade-switch -- setpriv --bounding-set=-all,+net_admin,+net_raw --inh-caps=-all -- \
  /usr/local/bin/tcpdump -i any -t -n -l -p -q --immediate-mode "$filter" >"$work/seen" 2>"$work/err" &
cap=$!
# tcpdump says "listening on ..." once the capture runs: wait for that line (blocking, no polling).
exec 5<"$work/err"
listening=0
while IFS= read -r -t 3 -u 5 line; do
  case "$line" in *"listening on"*) listening=1; break ;; esac
done
# Stops at the first reply; sends again every 0.2 s until then, for 3 s at most.
grade-enter net "$from" ping -n -c 1 -i 0.2 -w 3 -e "$id" -p "$pattern" "$addr"
status=$?
# Lines start "PORT DIRECTION ...". A frame a node sends is received on its port (P, for another
# host, or In, B, M); a frame the switch hands to a node leaves Out of that node's port.
while read -r port node _; do
  [ "$node" = "$from" ] && from_ports+=" $port "
  [ "$node" = "$far" ] && far_ports+=" $port "
done </run/grade/ports
count() {
  sent=0 into=0
  while read -r port dir _; do
    if [ "$dir" = Out ]; then
      [[ "${far_ports:-}" == *" $port "* ]] && into=$((into + 1))
    else
      [[ "${from_ports:-}" == *" $port "* ]] && sent=$((sent + 1))
    fi
  done <"$work/seen"
}
# The capture prints a moment after the frames pass: give it up to 0.2 s to show both ends.
for ((i = 0; i < 40; i++)); do
  count
  [ "$sent" -gt 0 ] && [ "$into" -gt 0 ] && break
  read -r -t 0.005 -u 5 _ # a pause without a process (tcpdump says nothing more on stderr for now)
done
kill -INT "$cap" 2>/dev/null
wait "$cap" 2>/dev/null
if [ "$listening" != 1 ]; then
  echo "@@probe sent=-1 into=-1 ${line:-tcpdump said nothing}"
  exit "$status"
fi
count
echo "@@probe sent=$sent into=$into"
exit "$status"
