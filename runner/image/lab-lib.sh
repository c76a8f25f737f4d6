#!/bin/bash
# Functions the lab's build script (runner/lab-build-script.ts) calls inside the lab container, as
# the container's root, before any learner code runs. State lives in /run/grade (a tmpfs):
#   /run/grade/nodes/NAME/ns/{user,mnt,net,uts,ipc,pid}  bind mounts that keep a node's namespaces
#   /run/grade/nodes/NAME/svc-*.log                          service output
set -euo pipefail
GRADE_STATE=/run/grade
SW_NS=grade-switch

node_dir() { echo "$GRADE_STATE/nodes/$1"; }

# Make node NAME: its namespaces, held by its PID 1 ("boot") and by "hold" (see grade-node.c).
lab_node() {
  local name=$1 dir s1 s3
  dir=$(node_dir "$name")
  mkdir -p "$dir/ns"
  # The node's processes must not carry the run's token in their environment.
  if ! read -r s1 s3 < <(env -u GRADE_TOKEN /usr/local/lib/grade/grade-node "$name" "$dir" 2>"$dir/boot.log" </dev/null) || [ -z "$s3" ]; then
    echo "node $name did not start: $(tail -n 3 "$dir/boot.log" | tr '\n' ' ')" >&2
    return 1
  fi
  echo "$s1" > "$dir/pid1"
  echo "$s3" > "$dir/holder"
}

# Keep a node's namespaces by bind mounts, so they outlive its processes (a learner may kill
# hold); its mount namespace is kept open by boot (fd 7), which the learner cannot kill.
lab_bind() {
  local dir ns pid1 holder
  dir=$(node_dir "$1")
  read -r pid1 <"$dir/pid1"
  read -r holder <"$dir/holder"
  for ns in uts ipc pid; do : > "$dir/ns/$ns"; mount --bind "/proc/$pid1/ns/$ns" "$dir/ns/$ns"; done
  for ns in user net; do : > "$dir/ns/$ns"; mount --bind "/proc/$holder/ns/$ns" "$dir/ns/$ns"; done
  ln -s "/proc/$pid1/fd/7" "$dir/ns/mnt" # see grade-node.c
}

# The hidden switch namespace: one bridge per network of the exercise. lab_switch and
# lab_switch_port only write down what to make; lab_links makes it all with three `ip -batch` runs.
lab_switch() {
  local net=$1 br=$2
  printf 'link add %s type bridge stp_state 0 forward_delay 0\nlink set %s up\nlink set %s alias %s\n' \
    "$br" "$br" "$br" "$net" >> "$GRADE_STATE/bridges.ip"
}

lab_switch_port() {
  local br=$1 node=$2 ifname=$3 port=$4 holder
  read -r holder <"$(node_dir "$node")/holder"
  printf 'link add %s netns %s type veth peer name %s netns %s\n' "$ifname" "$holder" "$port" "$SW_NS" >> "$GRADE_STATE/veths.ip"
  printf 'link set %s master %s\nlink set %s up\n' "$port" "$br" "$port" >> "$GRADE_STATE/ports.ip"
  # Which node's interface each port leads to, for probe-ping.
  printf '%s %s %s\n' "$port" "$node" "$ifname" >> "$GRADE_STATE/ports"
}

lab_links() {
  ip netns add "$SW_NS"
  # The container's /proc/sys is read-only; a private procfs in a private mount namespace reaches
  # the switch's own settings. No IPv6 on the switch: no chatter for learners' tcpdump to show.
  nsenter --net="/run/netns/$SW_NS" unshare --mount --propagation private sh -c \
    'mount -n -t proc grade-proc /proc && echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6 && echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && ip link set lo up'
  [ -s "$GRADE_STATE/bridges.ip" ] || return 0
  ip -n "$SW_NS" -batch "$GRADE_STATE/bridges.ip"
  ip -batch "$GRADE_STATE/veths.ip"
  ip -n "$SW_NS" -batch "$GRADE_STATE/ports.ip"
}

# Run a shell script (stdin) in a node as its root, before the learner: addresses, routes, sysctls.
lab_configure() {
  env -u GRADE_TOKEN grade-enter node "$1" bash -s
}

# Start a lab service in a node's network namespace only, as nobody, with no capabilities: the
# learner can neither see nor signal it. GRADE_TOKEN is the run's token.
lab_service() {
  local node=$1 name=$2 port=$3 command=$4 dir log
  dir=$(node_dir "$node")
  log="$dir/svc-$name.log"
  nsenter --net="$dir/ns/net" -- setpriv --reuid=65534 --regid=65534 --clear-groups \
    --bounding-set=-all --inh-caps=-all -- \
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 GRADE_TOKEN="$GRADE_TOKEN" \
    setsid bash -c "$command" >"$log" 2>&1 </dev/null &
  [ "$port" = 0 ] && return 0
  for _ in $(seq 1 400); do
    nsenter --net="$dir/ns/net" ss -Hltn "sport = :$port" | grep -q . && return 0
    sleep 0.01
  done
  echo "service $name on $node is not listening on port $port: $(tail -n 3 "$log")" >&2
  return 1
}

# /dev/net/tun for the nodes (exercises with `needs: [tun]`). Docker copies the host's mode, often
# 0600: open it to the nodes' root, an unprivileged uid on the host. Opening the device makes nothing
# by itself; a TUN interface also needs NET_ADMIN in the node's own network namespace.
lab_tun() {
  chmod 0666 /dev/net/tun
}

# Wait for background jobs; fail if any of them failed (after all have ended).
wait_all() {
  local rc=0 pid
  for pid in "$@"; do wait "$pid" || rc=1; done
  return "$rc"
}
