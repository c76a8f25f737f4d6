#!/bin/bash
# probe-ping FROM FAR ADDR: ping ADDR from node FROM, and count how many of this probe's echo
# requests node FAR really received. The requests carry a random ICMP identifier and data pattern, and
# a capture inside FAR's network namespace looks for exactly those; so an address the learner put on
# FROM itself, or anything else that answers in FAR's place, earns no "seen" count.
# Prints ping's output, then one line "@@probe seen=N" (N = -1 when the capture could not start).
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
grade-enter net "$far" /usr/local/bin/tcpdump -i any -n -l -p -q --immediate-mode "$filter" >"$work/seen" 2>"$work/err" &
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
if [ "$listening" = 1 ]; then
  echo "@@probe seen=$(grep -c . "$work/seen")"
else
  echo "@@probe seen=-1 ${line:-tcpdump said nothing}"
fi
exit "$status"
