#!/bin/bash
# probe-resolve NODE NAME [--watch FILTER] [--far FAR]: resolve NAME the way NODE's own programs do
# (glibc's getaddrinfo with the node's /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf) without
# running or loading anything the learner can write.
#  - The three files are read from outside the node by probe-files (as the node's root on the host,
#    links followed inside the node), and copied.
#  - In a private mount namespace of the container, the copies are bind-mounted over the read-only
#    image's /etc files, and the image's own getent runs in the node's network namespace only
#    (grade-enter net). Programs and NSS modules therefore come from the image alone.
#  - With --watch, a capture on the lab's switch (as in probe-ping) counts the DNS messages matching
#    FILTER (a BPF filter grade builds from this probe's question): queries that left NODE's ports and
#    that went into FAR's ports, and answers that left FAR's ports and that went into NODE's.
#  - With --far, the learner's sockets that could answer in FAR's place are listed too (a UDP socket
#    bound to a port or a TCP listener, a raw or packet socket, in any node or namespace of the lab).
# A second lookup with "hosts: files" alone says what the hosts file by itself answers.
# NODE may be NODE/NETNS (see grade-enter): the lookup then runs in that namespace, with NODE's files.
# Prints, each header line starting with MARK ($GRADE_MARK, random per call):
#   MARK config hosts=STATE resolv=STATE nsswitch=STATE   (ok, missing, UNREADABLE or TOO-LARGE)
#   MARK nameservers ADDRESS...    the name servers in the node's resolv.conf
#   MARK lookup system exit=N      then getent's output   (N 124: no answer in time)
#   MARK lookup files exit=N       then getent's output
#   MARK capture sent=N into=M answered=A back=B others=NODE:KIND[:PORT],...
#                                  (with --watch; -1 each when the capture could not start)
# The lookups are left out when a file could not be read. Exit status: 0, or 2 for a usage error.
set -u
node=$1 name=$2
shift 2
filter="" far=""
while [ $# -gt 0 ]; do
  case "$1" in
    --watch) filter=$2; shift 2 ;;
    --far) far=$2; shift 2 ;;
    *) echo "probe-resolve: unknown option $1" >&2; exit 2 ;;
  esac
done
mark=${GRADE_MARK:-###}
LIMIT=5 # seconds for one lookup: the resolver's own default retries a silent server for 10 s
work=$(mktemp -d /tmp/probe-resolve.XXXXXXXX) || exit 1
trap 'rm -rf "$work"' EXIT

# The three files, read in one go by probe-files into $work/hosts, resolv.conf and nsswitch.conf (empty
# when missing: glibc reads a missing file of these three as an empty one). Each state: ok, missing,
# UNREADABLE or TOO-LARGE.
fmark="@@$SRANDOM$SRANDOM$SRANDOM"
GRADE_MARK=$fmark /usr/local/lib/grade/probe-files "${node%%/*}" /etc/hosts /etc/resolv.conf /etc/nsswitch.conf >"$work/all" ||
  { echo "probe-resolve: cannot read the files of $node" >&2; exit 2; }
: >"$work/hosts"; : >"$work/resolv.conf"; : >"$work/nsswitch.conf"
states=$(awk -v mark="$fmark" -v dir="$work" '
  $1 == mark && ($2 == "/etc/hosts" || $2 == "/etc/resolv.conf" || $2 == "/etc/nsswitch.conf") {
    n = split($2, part, "/"); out = ""; state[$2] = ($3 == "" ? "ok" : $3)
    if ($3 == "") out = dir "/" part[n]
    next
  }
  out != "" { print > out }
  function of(path) { return (path in state) ? state[path] : "missing" }
  END { printf "%s %s %s", of("/etc/hosts"), of("/etc/resolv.conf"), of("/etc/nsswitch.conf") }' "$work/all")
read -r hosts resolv nss <<<"$states"
for f in hosts:"$hosts" resolv.conf:"$resolv" nsswitch.conf:"$nss"; do
  [ "${f#*:}" = ok ] && truncate -s -1 "$work/${f%%:*}" # the newline probe-files adds
done
echo "$mark config hosts=$hosts resolv=$resolv nsswitch=$nss"
case "$hosts $resolv $nss" in *[A-Z]*) exit 0 ;; esac # a file grade may not read: nothing to judge
# The name servers the resolver asks (it uses the first three), for the check's explanations.
# shellcheck disable=SC2046 # split on purpose: the addresses go on one line
echo "$mark nameservers" $(awk '$1 == "nameserver" && $2 ~ /^[0-9A-Fa-f.:]+$/ { print $2 }' "$work/resolv.conf" | head -n 3)
printf 'hosts: files\n' >"$work/nsswitch.files"
chmod 0644 "$work"/*

# lookup NSSWITCH: getent ahostsv4 NAME in the node's network, seeing the copies as /etc's files. Run
# from / so that no relative path (an odd service name in nsswitch.conf) can lead to a file of ours.
lookup() {
  unshare --mount --propagation private -- /bin/bash -c '
    mount --bind "$1/hosts" /etc/hosts && mount --bind "$1/resolv.conf" /etc/resolv.conf &&
      mount --bind "$2" /etc/nsswitch.conf || exit 125
    cd / && exec /usr/local/sbin/grade-enter net "$3" timeout -s KILL "$4" getent ahostsv4 "$5"' \
    lookup "$work" "$1" "$node" "$LIMIT" "$name" >"$work/out" 2>&1
  local rc=$?
  [ "$rc" = 137 ] && rc=124
  last_rc=$rc
  echo "$mark lookup $2 exit=$rc"
  cat "$work/out"
}

if [ -z "$filter" ]; then
  lookup "$work/nsswitch.conf" system
  lookup "$work/nsswitch.files" files
  exit 0
fi

# shellcheck source=probe-lib.sh
source /usr/local/lib/grade/probe-lib.sh
capture_switch seen -i any -t -n -l -p -q --immediate-mode "$filter"
scan=""
if [ -n "$far" ]; then
  # shellcheck disable=SC2119 # no node left out: a raw socket anywhere in the learner's nodes counts
  { learner_listeners; learner_raw_sockets; } >"$work/others" 2>/dev/null &
  scan=$!
fi
lookup "$work/nsswitch.conf" system
# Lines start "PORT DIRECTION ...": a frame a node sends comes in on its port (P, In, B, M); a frame
# the switch hands to a node leaves Out of that node's port.
from_ports=$(ports_of "${node%%/*}") far_ports=""
[ -z "$far" ] || far_ports=$(ports_of "$far")
# A line is "PORT DIR IP SRC > DST: ...": a message to port 53 is a query, one from port 53 an answer.
count() {
  sent=0 into=0 answered=0 back=0
  local port dir dst
  while read -r port dir _ _ _ dst _; do
    [ -n "$port" ] || continue # (tcpdump ends with an empty line when stopped: that is no packet.)
    if [[ "$dst" == *.53: ]]; then
      if [ "$dir" = Out ]; then
        [[ "$far_ports" == *" $port "* ]] && into=$((into + 1))
      else
        [[ "$from_ports" == *" $port "* ]] && sent=$((sent + 1))
      fi
    elif [ "$dir" = Out ]; then
      [[ "$from_ports" == *" $port "* ]] && back=$((back + 1))
    else
      [[ "$far_ports" == *" $port "* ]] && answered=$((answered + 1))
    fi
  done <"$work/seen"
}
query_seen() { [ "$sent" -gt 0 ] && { [ -z "$far" ] || [ "$back" -gt 0 ]; }; }
wait_seen "$last_rc" query_seen
stop_captures
others=""
if [ -n "$scan" ]; then
  wait "$scan"
  others=$(tr ' \n' ':,' <"$work/others") others=${others%,}
fi
lookup "$work/nsswitch.files" files
if [ "$listening" != 1 ]; then
  echo "$mark capture sent=-1 into=-1 answered=-1 back=-1 others=$others $said"
  exit 0
fi
count
echo "$mark capture sent=$sent into=$into answered=$answered back=$back others=$others"
exit 0
