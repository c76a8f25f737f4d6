#!/bin/bash
# probe-files NODE PATH...: print files of a node's own filesystem, each after a line "MARK PATH"
# (MARK is $GRADE_MARK, or ###).
# A PATH may end in /*.SUFFIX for the matching files of a folder, in name order. Files are read from
# outside the node, by this trusted program, through /proc/<node's PID 1>/root; the learner's symbolic
# links are followed the way the node itself would, and never out of the node's filesystem.
set -u
node=$1
shift
if [ -n "${PROBE_FILES_ROOT:-}" ]; then
  cd "$PROBE_FILES_ROOT" || exit 2 # unit tests: a folder standing in for the node
elif [ -z "${PROBE_FILES_READER:-}" ]; then
  # The node's PID 1 lives in the node's mount namespace and cannot be ended by the learner. Step
  # into its root as the container's root, then read with the rights of the node's root on the
  # host (uid 100000, no capabilities): a link or bind mount to anything that uid may not read
  # (another process's environment, say) stays unreadable.
  pid1=$(cat "/run/grade/nodes/$node/pid1" 2>/dev/null) || { echo "probe-files: no node $node" >&2; exit 2; }
  cd "/proc/$pid1/root" || { echo "probe-files: cannot reach the files of $node" >&2; exit 2; }
  exec env PROBE_FILES_READER=1 setpriv --reuid=100000 --regid=100000 --clear-groups \
    --bounding-set=-all --inh-caps=-all -- /bin/bash "$0" "$node" "$@"
fi
root=. # paths below are relative to the node's root, our working directory
mark=${GRADE_MARK:-###} # random per read (the check's), so no line inside a file can pass for a header
MAX=65536

# Resolve PATH inside the node: prints the resolved path (inside the node) or fails.
resolve() {
  local rest=$1 done="" part target hops=0
  while [ -n "$rest" ]; do
    rest=${rest#/}
    part=${rest%%/*}
    if [ "$part" = "$rest" ]; then rest=""; else rest=${rest#*/}; fi
    case "$part" in
      "" | .) continue ;;
      ..) done=${done%/*}; continue ;;
    esac
    if [ -L "$root$done/$part" ]; then
      hops=$((hops + 1))
      [ "$hops" -le 40 ] || return 1
      target=$(readlink "$root$done/$part") || return 1
      case "$target" in /*) done="" ;; esac
      rest="$target/$rest"
    else
      done="$done/$part"
    fi
  done
  printf '%s\n' "${done:-/}"
}

for pattern in "$@"; do
  case "$pattern" in
    */\*.*)
      dir=$(resolve "${pattern%/*}") || continue
      [ -d "$root$dir" ] || continue
      suffix=${pattern##*/\*}
      paths=()
      # shellcheck disable=SC2012 # names come one a line; a newline in a name cannot name a config file
      while IFS= read -r name; do
        case "$name" in *"$suffix") paths+=("${pattern%/*}/$name") ;; esac
      done < <(ls -1A "$root$dir" | LC_ALL=C sort)
      ;;
    *) paths=("$pattern") ;;
  esac
  for path in "${paths[@]}"; do
    real=$(resolve "$path") || continue
    # Only the node's own files: never a kernel view (/proc, /sys) or a device, wherever a link points.
    case "$real" in /proc | /proc/* | /sys | /sys/* | /dev | /dev/*)
      echo "$mark $path UNREADABLE"
      continue ;;
    esac
    # ... nor one bind-mounted there from a kernel view.
    case "$(stat -f -c %T "$root$real" 2>/dev/null)" in proc | sysfs | devpts | devtmpfs | debugfs | securityfs | cgroup*)
      echo "$mark $path UNREADABLE"
      continue ;;
    esac
    [ -f "$root$real" ] && [ ! -L "$root$real" ] || continue
    size=$(stat -c %s "$root$real" 2>/dev/null) || continue
    if [ "$size" -gt "$MAX" ]; then
      echo "$mark $path TOO-LARGE $size" # not judged: what sits past a cut would be missed
      continue
    fi
    if [ ! -r "$root$real" ]; then
      echo "$mark $path UNREADABLE"
      continue
    fi
    echo "$mark $path"
    cat "$root$real"
    echo
  done
done
exit 0
