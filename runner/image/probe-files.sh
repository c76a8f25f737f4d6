#!/bin/bash
# probe-files NODE PATH...: print files of a node's own filesystem, each after a line "### PATH".
# A PATH may end in /*.SUFFIX for the matching files of a folder, in name order. Files are read from
# outside the node, by this trusted program, through /proc/<node's PID 1>/root; the learner's symbolic
# links are followed the way the node itself would, and never out of the node's filesystem.
set -u
node=$1
shift
if [ -n "${PROBE_FILES_ROOT:-}" ]; then
  root=$PROBE_FILES_ROOT # unit tests: a folder standing in for the node
else
  # The node's PID 1 lives in the node's mount namespace and cannot be ended by the learner.
  pid1=$(cat "/run/grade/nodes/$node/pid1" 2>/dev/null) || { echo "probe-files: no node $node" >&2; exit 2; }
  root=/proc/$pid1/root
fi
[ -d "$root/" ] || { echo "probe-files: the processes of $node are gone" >&2; exit 2; }

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
      while IFS= read -r name; do
        case "$name" in *"$suffix") paths+=("${pattern%/*}/$name") ;; esac
      done < <(ls -1A "$root$dir" | LC_ALL=C sort)
      ;;
    *) paths=("$pattern") ;;
  esac
  for path in "${paths[@]}"; do
    real=$(resolve "$path") || continue
    [ -f "$root$real" ] && [ ! -L "$root$real" ] || continue
    echo "### $path"
    head -c 65536 "$root$real"
    echo
  done
done
exit 0
