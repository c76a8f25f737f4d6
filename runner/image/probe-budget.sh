#!/bin/bash
# probe-budget: what each learner node used up of its budget (lab_budgets in lab-lib.sh), one line a
# node: "NODE OOM_KILLS PIDS_MAX_HITS". OOM_KILLS counts its processes the kernel killed for memory,
# PIDS_MAX_HITS the forks refused at its process limit. Read from the cgroups, which the learner
# cannot write. The first line is "mode MODE" (v1, v2 or "none: WHY").
set -u
budget=/run/grade/budget
printf 'mode %s\n' "$(cat "$budget/mode" 2>/dev/null || echo 'none: the lab made no budgets')"
# The value of KEY in a flat-keyed cgroup file ("key value" lines), 0 when absent.
value() { awk -v k="$2" '$1 == k { print $2; found = 1 } END { if (!found) print 0 }' "$1" 2>/dev/null || echo 0; }
for dirs in "$budget"/*.dirs; do
  [ -e "$dirs" ] || continue
  node=$(basename "$dirs" .dirs) oom=0 pids=0
  while read -r dir; do
    if [ -e "$dir/memory.oom_control" ]; then oom=$(value "$dir/memory.oom_control" oom_kill); fi
    if [ -e "$dir/memory.events" ]; then
      # cgroup v2: "oom" also counts a limit hit with nothing left to kill.
      a=$(value "$dir/memory.events" oom_kill) b=$(value "$dir/memory.events" oom)
      oom=$((a > b ? a : b))
    fi
    if [ -e "$dir/pids.events" ]; then pids=$(value "$dir/pids.events" max); fi
  done < "$dirs"
  echo "$node $oom $pids"
done
