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
id=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
pattern=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
work=$(mktemp -d /tmp/probe.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Echo request (type 8), our identifier, and the first 4 pattern bytes after ping's 16-byte timestamp.
filter="icmp[0] = 8 and icmp[4:2] = $id and icmp[24:4] = 0x${pattern:0:8}"
mkfifo "$work/err"
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
# Give the capture a moment for what is still in flight (at once when it has seen a request).
for _ in $(seq 1 40); do
  [ -s "$work/seen" ] && break
  sleep 0.005
done
kill -INT "$cap" 2>/dev/null
wait "$cap" 2>/dev/null
if [ "$listening" != 1 ]; then
  echo "@@probe sent=-1 into=-1 ${line:-tcpdump said nothing}"
  exit "$status"
fi
# Lines start "PORT DIRECTION ...". A frame a node sends is received on its port (P, for another
# host, or In, B, M); a frame the switch hands to a node leaves Out of that node's port.
ports_of() { awk -v n="$1" '$2 == n { print $1 }' /run/grade/ports; }
count() { awk -v want="$1" 'NR == FNR { mine[$1] = 1; next } ($1 in mine) && (want == "Out" ? $2 == "Out" : $2 != "Out") { c++ } END { print c + 0 }' <(ports_of "$2") "$work/seen"; }
echo "@@probe sent=$(count In "$from") into=$(count Out "$far")"
exit "$status"
