# Shared by the probes that watch the lab's links (probe-ping, probe-conn). Sourced, not run.
# The caller sets $work (a private folder) and uses the arrays pids and fds.

# The capture's own rights: only what tcpdump needs.
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
# machine. Re-count (the caller's count) until TEST holds: up to 2 s when the command under watch
# worked (what it saw must show up), 20 ms when it did not (nothing more is coming).
wait_seen() {
  local status=$1 i rounds=400
  shift
  [ "$status" = 0 ] || rounds=4
  for ((i = 0; i < rounds; i++)); do
    count
    "$@" && return 0
    pause
  done
  return 1
}

# pause: 5 ms without starting a process (tcpdump says nothing more on stderr for now).
pause() {
  read -r -t 0.005 -u "${fds[0]}" _
}
