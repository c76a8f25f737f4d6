#!/bin/bash
# The one way into a lab node, run by grade as the container's root. Modes:
#   node NAME CMD...  as the learner: all of the node's namespaces, root of its user namespace, the
#                     node's own files and tools. Submissions, `grade shell` and node set-up.
#   net NAME CMD...   for checks: only the node's network namespace. The command is a tool of the
#                     read-only lab image, found on a fixed PATH, with a fixed environment and only
#                     NET_ADMIN and NET_RAW; nothing the learner wrote is run or loaded.
#                     NAME may be NODE/NETNS: a namespace the learner made in the node with
#                     `ip netns add NETNS`, opened safely by grade-netns.
#   serve NAME CMD... the far end a check starts for itself (probe-tcp): only the network namespace
#                     (NAME may be NODE/NETNS here too), as nobody with no capabilities, so the
#                     learner can neither see nor signal it.
#   look NAME CMD...  a lab-owned node's shell: its network namespace, as nobody, NET_RAW only, so
#                     ip, ping and tcpdump work but nothing can be changed.
set -euo pipefail
mode=$1 name=$2
shift 2
netns=""
if [[ "$mode" =~ ^(net|serve)$ ]] && [[ "$name" == */* ]]; then
  netns=${name#*/} name=${name%%/*}
fi
dir=/run/grade/nodes/$name/ns
[ -e "$dir/net" ] || { echo "grade-enter: no node $name in this lab" >&2; exit 125; }
SAFE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# grade passes its own inputs (a submission, a text to send) as GRADE_* variables; nothing else passes.
pass=()
for v in $(compgen -e); do
  case "$v" in GRADE_*) pass+=("$v=${!v}") ;; esac
done
# The network namespace of net and serve: the node's own, or one the learner made in it.
enter_net=(nsenter --net="$dir/net" --)
[ -z "$netns" ] || enter_net=(/usr/local/lib/grade/grade-netns "$(cat "/run/grade/nodes/$name/pid1")" "$dir" "$netns")
case "$mode" in
  node)
    # The learner's processes live in the node's budget (lab_budgets in lab-lib.sh): memory and
    # processes below the lab's limits, so grade keeps headroom whatever the learner exhausts.
    nproc=${GRADE_NODE_PROCS:-256}
    if [ -r "/run/grade/budget/$name.procs" ]; then
      # The cgroup's limit, not this one, is the node's: it says when it was reached (probe-budget).
      nproc=$((nproc * 2))
      while read -r procs; do
        echo $$ > "$procs" || { echo "grade-enter: cannot put the command in the budget of $name" >&2; exit 125; }
      done < "/run/grade/budget/$name.procs"
    fi
    # A node's processes (its root's, counted per node) also stop at GRADE_NODE_PROCS: the limit left
    # on a host that gives the lab no writable cgroup.
    exec prlimit --nproc="$nproc" -- nsenter --user="$dir/user" --mount="$dir/mnt" --net="$dir/net" --uts="$dir/uts" \
      --ipc="$dir/ipc" --pid="$dir/pid" -- \
      /usr/bin/env -i -C /root HOME=/root USER=root LOGNAME=root SHELL=/bin/bash PATH="$SAFE_PATH" \
      LANG=C.UTF-8 TERM="${TERM:-dumb}" "${pass[@]}" "$@" ;;
  net)
    exec "${enter_net[@]}" /usr/bin/setpriv --bounding-set=-all,+net_admin,+net_raw --inh-caps=-all -- \
      /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C "${pass[@]}" "$@" ;;
  serve)
    exec "${enter_net[@]}" /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-all --inh-caps=-all -- \
      /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 "${pass[@]}" "$@" ;;
  look)
    exec nsenter --net="$dir/net" --uts="$dir/uts" -- \
      setpriv --reuid=65534 --regid=65534 --clear-groups \
      --bounding-set=-all,+net_raw --inh-caps=+net_raw --ambient-caps=+net_raw -- \
      /usr/bin/env -i HOME=/tmp PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM="${TERM:-dumb}" "$@" ;;
  *) echo "grade-enter: unknown mode $mode" >&2; exit 125 ;;
esac
