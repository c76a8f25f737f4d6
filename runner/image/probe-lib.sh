# shellcheck shell=bash disable=SC2034,SC2154
# (SC2034/SC2154: listening, said and work are shared with the scripts that source this one.)
# Shared by the probes that watch the lab's links (probe-ping, probe-conn). Sourced, not run.
# The caller sets $work (a private folder) and uses the arrays pids and fds.

# The capture's own rights: only what tcpdump needs.
# shellcheck disable=SC2054 # the commas belong to setpriv's capability lists
CAPS=(setpriv --bounding-set=-all,+net_admin,+net_raw --inh-caps=-all --)
listening=1 said="" pids=() fds=()

# capture NAME CMD...: run a capture into $work/NAME; wait until tcpdump says it listens (blocking,
# no polling). On failure, listening=0 and said holds tcpdump's last words.
capture() {
  local name=$1 line fd
  shift
  mkfifo "$work/$name.err"
  "$@" >"$work/$name" 2>"$work/$name.err" &
  pids+=($!)
  exec {fd}<"$work/$name.err"
  fds+=("$fd")
  # 3 s on an idle machine, stretched by the lab's measured slowdown (exec-batch.sh's GRADE_SLOWDOWN).
  while IFS= read -r -t $((3 * ${GRADE_SLOWDOWN:-1})) -u "$fd" line; do
    case "$line" in *"listening on"*) return 0 ;; esac
  done
  listening=0 said=${line:-tcpdump said nothing}
}

# capture_switch NAME TCPDUMP-ARGS...: capture on the lab's switch, the namespace named SW_NS in
# lab-lib.sh, where every link's bridge lives and no learner can reach.
capture_switch() {
  local name=$1
  shift
  capture "$name" nsenter --net=/run/netns/grade-switch -- "${CAPS[@]}" /usr/local/bin/tcpdump "$@"
}

# stop_captures: end every capture (SIGINT lets tcpdump flush what it saw).
stop_captures() {
  kill -INT "${pids[@]}" 2>/dev/null
  wait "${pids[@]}" 2>/dev/null
}

# ports_of NODE: the node's switch ports, each between spaces (" p1  p2 "), from /run/grade/ports.
ports_of() {
  local port node list=""
  while read -r port node _; do
    [ "$node" = "$1" ] && list+=" $port "
  done </run/grade/ports
  printf '%s' "$list"
}

# wait_seen STATUS TEST...: the captures print a moment after the frames pass, later still on a busy
# machine. Re-count (the caller's count) until TEST holds: for up to 2 s of wall time when the command
# under watch worked (what it saw must show up), 20 ms when it did not (nothing more is coming). Wall
# time, not rounds: a count that is slow on a loaded machine must not stretch the wait past the check's.
wait_seen() {
  local status=$1 budget=2000000 start
  shift
  [ "$status" = 0 ] || budget=20000
  start=${EPOCHREALTIME/./}
  while :; do
    count
    "$@" && return 0
    (( ${EPOCHREALTIME/./} - start < budget )) || return 1
    pause
  done
}

# pause: 5 ms without starting a process (tcpdump says nothing more on stderr for now).
pause() {
  read -r -t 0.005 -u "${fds[0]}" _
}

# sweep_work PREFIX: remove work folders of earlier probes that were killed (SIGKILL skips their
# EXIT trap). A folder is named PREFIX.PID.RANDOM; it stays while that PID lives.
sweep_work() {
  local dir pid
  for dir in "$1".*.*; do
    [ -d "$dir" ] || continue
    pid=${dir#"$1".} pid=${pid%%.*}
    [[ "$pid" =~ ^[0-9]+$ ]] && [ ! -e "/proc/$pid" ] && rm -rf "$dir"
  done
}

# learner_raw_sockets NODE...: "NODE KIND" for each raw (IP) or packet (link-layer) socket a learner's
# process holds in the lab, outside the given nodes. Such a socket reads and writes whole packets
# behind the kernel's back: a relay on a router made of one copies every field a check matches on
# (ISN, IP ID, data) from one side to the other, which no capture can tell from forwarding. The
# sockets are read from /proc/PID/net, outside every node; their owner is the uid the lab container
# sees, so the learners' (100000 and up) are told from grade's own (0, and 65534 for its listeners).
# NODE is "?" for a namespace no node has as its own (one a learner made, or a nested user namespace).
learner_raw_sockets() {
  local p uid key val file inode kind f pids=() seen=" " ino node n skip ns_of=()
  for p in /proc/[0-9]*; do
    uid=""
    while read -r key val _; do [ "$key" = Uid: ] && { uid=$val; break; }; done 2>/dev/null <"$p/status"
    [ -n "$uid" ] && [ "$uid" -ge 100000 ] || continue
    for file in packet raw raw6; do
      [ -r "$p/net/$file" ] || continue
      # packet: sk RefCnt Type Proto Iface R Rmem User Inode; raw: sl local rem st queues tr retr uid timeout inode.
      while read -r -a f; do
        [ "${f[0]}" != sk ] && [ "${f[0]}" != sl ] || continue
        if [ "$file" = packet ]; then uid=${f[7]:-} inode=${f[8]:-} kind=packet; else uid=${f[7]:-} inode=${f[9]:-} kind=raw; fi
        [[ "$uid" =~ ^[0-9]+$ ]] && [ "$uid" -ge 100000 ] || continue
        [[ "$seen" == *" $inode "* ]] && continue
        seen+="$inode " pids+=("${p#/proc/}:$kind")
      done <"$p/net/$file"
    done
  done
  [ "${#pids[@]}" -gt 0 ] || return 0
  for n in /run/grade/nodes/*/; do
    n=${n%/} && ns_of+=("$(stat -L -c %i "$n/ns/net" 2>/dev/null):${n##*/}")
  done
  local named=" "
  for p in "${pids[@]}"; do
    ino=$(readlink "/proc/${p%%:*}/ns/net" 2>/dev/null) ino=${ino//[!0-9]/} node="?"
    for n in "${ns_of[@]}"; do [ "${n%%:*}" = "$ino" ] && node=${n#*:}; done
    skip=0
    for n in "$@"; do [ "$n" = "$node" ] && skip=1; done
    # Each node and kind once.
    [[ "$named" == *" $node:${p#*:} "* ]] && skip=1
    [ "$skip" = 1 ] || { echo "$node ${p#*:}"; named+="$node:${p#*:} "; }
  done
}

# learner_listeners: "NODE udp:PORT" for each UDP socket bound to a port, and "NODE tcp:PORT" for each
# TCP listener, that a learner's process holds anywhere in the lab. A name server the learner runs
# (on 127.0.0.1, on an address moved onto lo, behind a DNAT, in a namespace of their own) answers
# through one of these, while a mirror may still send the real server a copy of the query. Read from
# /proc/PID/net outside every node; owners as in learner_raw_sockets (100000 and up: a learner's).
learner_listeners() {
  local p uid key val file f port seen=" " found=() ino owner n ns_of=()
  for p in /proc/[0-9]*; do
    uid=""
    while read -r key val _; do [ "$key" = Uid: ] && { uid=$val; break; }; done 2>/dev/null <"$p/status"
    [ -n "$uid" ] && [ "$uid" -ge 100000 ] || continue
    for file in udp udp6 tcp tcp6; do
      [ -r "$p/net/$file" ] || continue
      # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      while read -r -a f; do
        [ "${f[0]}" != sl ] || continue
        [[ "${f[7]:-}" =~ ^[0-9]+$ ]] && [ "${f[7]}" -ge 100000 ] || continue
        [[ "$file" == tcp* ]] && [ "${f[3]:-}" != 0A ] && continue
        port=$((16#${f[1]##*:}))
        [ "$port" -gt 0 ] && [[ "$seen" != *" ${f[9]} "* ]] || continue
        seen+="${f[9]} " found+=("${p#/proc/}:${file%6}:$port")
      done <"$p/net/$file"
    done
  done
  [ "${#found[@]}" -gt 0 ] || return 0
  for n in /run/grade/nodes/*/; do
    n=${n%/} && ns_of+=("$(stat -L -c %i "$n/ns/net" 2>/dev/null):${n##*/}")
  done
  for f in "${found[@]}"; do
    ino=$(readlink "/proc/${f%%:*}/ns/net" 2>/dev/null) ino=${ino//[!0-9]/} owner="?"
    for n in "${ns_of[@]}"; do [ "${n%%:*}" = "$ino" ] && owner=${n#*:}; done
    echo "$owner ${f#*:}"
  done | sort -u
}
