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

# Learner budgets: every process a learner starts in node NAME (grade-enter node) runs in a cgroup
# of its own, under one "learners" cgroup, with memory and process limits below the lab's. Pages of
# a tmpfs are charged to the cgroup of the process that wrote them, so a tmpfs the learner fills
# counts against that node too. grade's own processes (checks, probes, services, the runner) stay
# outside, in the headroom the lab's limit keeps above the learners'. probe-budget reads what each
# node used up. The state, one file each in $GRADE_STATE/budget:
#   mode       "v1 (CONTROLLERS)", "v2 (CONTROLLERS)" or "none: WHY" (then only grade-enter's
#              RLIMIT_NPROC per node is left)
#   NAME.procs the cgroup.procs files grade-enter writes a learner's process into
#   NAME.dirs  the node's cgroup folders, for probe-budget
GRADE_CG=$GRADE_STATE/cgroup
BUDGET=$GRADE_STATE/budget
CGROUP_FS=/sys/fs/cgroup # where Docker mounts the lab's cgroups, read-only

# lab_budgets LEARNERS_BYTES NODE_BYTES NODE_PROCS NODE...: the cgroups of the learner's nodes.
lab_budgets() {
  local why
  mkdir -p "$BUDGET"
  if why=$( (set -euo pipefail; budget_cgroups "$@") 2>&1 ); then return 0; fi
  rm -f "$BUDGET"/*.procs "$BUDGET"/*.dirs
  echo "none: ${why:-no reason given}" | tr '\n' ' ' > "$BUDGET/mode"
}

budget_cgroups() {
  local learners=$1 node_bytes=$2 node_procs=$3 count=$(($# - 3))
  shift 3
  if [ -d "$CGROUP_FS/memory" ] && [ -d "$CGROUP_FS/pids" ]; then
    budget_v1 "$learners" "$node_bytes" "$node_procs" "$count" "$@"
  elif [ -f "$CGROUP_FS/cgroup.controllers" ]; then
    budget_v2 "$learners" "$node_bytes" "$node_procs" "$count" "$@"
  else
    echo "the lab container has neither cgroup v1 memory and pids controllers nor cgroup v2"
    return 1
  fi
}

# A writable view of a cgroup hierarchy that Docker mounts read-only in the container. The view is
# the lab's own cgroup (a private cgroup namespace: runner/lab-host-config.ts), never the host's;
# only the container's root can write it, and the nodes' mount namespaces never see it.
budget_mount() {
  local from=$1 at=$2
  mkdir -p "$at"
  mount --bind "$from" "$at"
  mount -o remount,bind,rw,nosuid,nodev,noexec "$at"
}

# cgroup v1: one hierarchy per controller; a process may sit in any cgroup, inner ones included.
budget_v1() {
  local learners=$1 node_bytes=$2 node_procs=$3 count=$4 c name
  shift 4
  for c in memory pids; do
    budget_mount "$CGROUP_FS/$c" "$GRADE_CG/$c"
    mkdir "$GRADE_CG/$c/learners"
  done
  budget_v1_memory "$GRADE_CG/memory/learners" "$learners"
  echo $((node_procs * count)) > "$GRADE_CG/pids/learners/pids.max"
  local cpu="" kinds=(memory pids)
  budget_v1_cpu && cpu=", cpu" kinds+=(cpu)
  for name in "$@"; do
    mkdir "$GRADE_CG/memory/learners/$name" "$GRADE_CG/pids/learners/$name"
    budget_v1_memory "$GRADE_CG/memory/learners/$name" "$node_bytes"
    echo "$node_procs" > "$GRADE_CG/pids/learners/$name/pids.max"
    [ -z "$cpu" ] || mkdir "$GRADE_CG/cpu/learners/$name"
    for c in "${kinds[@]}"; do echo "$GRADE_CG/$c/learners/$name/cgroup.procs"; done > "$BUDGET/$name.procs"
    for c in "${kinds[@]}"; do echo "$GRADE_CG/$c/learners/$name"; done > "$BUDGET/$name.dirs"
  done
  echo "v1 (memory, pids$cpu)" > "$BUDGET/mode"
}

# CPU, where the host has the controller: all the learner's processes together weigh a quarter of
# one of grade's and get at most half a core, so a node that spins (a fork bomb, the kernel
# reclaiming for a full tmpfs on its behalf) slows itself, not the checks nor the machine's other
# labs. Optional: without it the memory and process budgets still hold.
LEARNERS_CPU_QUOTA_US=50000 LEARNERS_CPU_PERIOD_US=100000
budget_v1_cpu() {
  [ -d "$CGROUP_FS/cpu" ] || return 1
  budget_mount "$CGROUP_FS/cpu" "$GRADE_CG/cpu" 2>/dev/null || return 1
  mkdir "$GRADE_CG/cpu/learners" && echo 256 > "$GRADE_CG/cpu/learners/cpu.shares" || return 1
  [ ! -e "$GRADE_CG/cpu/learners/cpu.cfs_quota_us" ] || {
    echo "$LEARNERS_CPU_PERIOD_US" > "$GRADE_CG/cpu/learners/cpu.cfs_period_us"
    echo "$LEARNERS_CPU_QUOTA_US" > "$GRADE_CG/cpu/learners/cpu.cfs_quota_us"
  }
}

# memory and memory+swap alike (when swap is accounted), so a learner cannot page out to go on.
budget_v1_memory() {
  echo "$2" > "$1/memory.limit_in_bytes"
  [ ! -e "$1/memory.memsw.limit_in_bytes" ] || echo "$2" > "$1/memory.memsw.limit_in_bytes"
}

# cgroup v2: one hierarchy, and "no internal processes": a cgroup that hands controllers to its
# children holds no process. So every process of the container (PID 1, the engine's execs) first
# moves to the leaf "grade"; runc then starts later execs in PID 1's cgroup, that leaf.
budget_v2() {
  local learners=$1 node_bytes=$2 node_procs=$3 count=$4 root=$GRADE_CG/unified name
  shift 4
  budget_mount "$CGROUP_FS" "$root"
  for c in memory pids; do
    grep -qw "$c" "$root/cgroup.controllers" || { echo "the lab's cgroup has no $c controller"; return 1; }
  done
  mkdir "$root/grade" "$root/learners"
  budget_v2_enable "$root"
  budget_v2_limits "$root/learners" "$learners" $((node_procs * count))
  echo "+memory +pids" > "$root/learners/cgroup.subtree_control"
  # CPU where the host delegates it (see budget_v1_cpu): a quarter of grade's weight, half a core.
  local cpu=""
  if echo +cpu > "$root/cgroup.subtree_control" 2>/dev/null; then
    echo 25 > "$root/learners/cpu.weight" && echo "$LEARNERS_CPU_QUOTA_US $LEARNERS_CPU_PERIOD_US" > "$root/learners/cpu.max" && cpu=", cpu"
  fi
  for name in "$@"; do
    mkdir "$root/learners/$name"
    budget_v2_limits "$root/learners/$name" "$node_bytes" "$node_procs"
    echo "$root/learners/$name/cgroup.procs" > "$BUDGET/$name.procs"
    echo "$root/learners/$name" > "$BUDGET/$name.dirs"
  done
  echo "v2 (memory, pids$cpu)" > "$BUDGET/mode"
}

# Move the container's processes into the leaf, then enable the controllers below the container's
# cgroup; an exec that lands meanwhile makes the write fail (EBUSY), so move and try again.
budget_v2_enable() {
  local root=$1 pid
  for _ in $(seq 1 50); do
    while read -r pid; do echo "$pid" > "$root/grade/cgroup.procs" 2>/dev/null || true; done < "$root/cgroup.procs"
    echo "+memory +pids" > "$root/cgroup.subtree_control" 2>/dev/null && return 0
    sleep 0.02
  done
  echo "the lab's cgroup still held processes after moving them all to grade's own cgroup"
  return 1
}

budget_v2_limits() {
  echo "$2" > "$1/memory.max"
  [ ! -e "$1/memory.swap.max" ] || echo 0 > "$1/memory.swap.max"
  echo "$3" > "$1/pids.max"
}

# A node made again (node-reset-script.ts) starts with a fresh budget: its old cgroups, empty now that
# its processes are gone, make way for new ones with the same limits, so what the learner exhausted
# before the reset no longer counts.
lab_budget_renew() {
  local name=$1 dir f kept
  [ -e "$BUDGET/$name.dirs" ] || return 0
  while read -r dir; do
    kept=()
    for f in memory.limit_in_bytes memory.memsw.limit_in_bytes memory.max memory.swap.max pids.max cpu.shares cpu.weight cpu.cfs_period_us cpu.cfs_quota_us cpu.max; do
      [ ! -e "$dir/$f" ] || kept+=("$f=$(cat "$dir/$f")")
    done
    # Still busy (a process outlived the node): keep the old one, counts and all.
    rmdir "$dir" 2>/dev/null || continue
    mkdir "$dir"
    for f in "${kept[@]}"; do echo "${f#*=}" > "$dir/${f%%=*}"; done
  done < "$BUDGET/$name.dirs"
}
