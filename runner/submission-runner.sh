#!/bin/bash
# Runs a learner's file in a node one complete command at a time, like a terminal would: bash itself
# decides where a command ends (loops, here-documents, continuation lines), a failing command does not
# stop the next, and shell state (cd, variables, functions, options) carries over.
# It runs as the lab container's root, OUTSIDE the node: it splits the file, starts each command in
# the node as its own process (GRADE_ENTER), and sees that process's exit status, duration and end
# itself. The learner's output goes to a file of its own and comes back base64-encoded, so nothing a
# learner prints, and no fd or secret of this program (none reaches the node), can make a record.
# Records, one a line on stdout (parse-runner-output.ts):
#   BEGIN I FIRST_LINE LAST_LINE | SYNTAX I FIRST_LINE LAST_LINE   then   OUT I KEPT_BYTES TOTAL_BYTES
#   + a base64 line | END I EXIT MS CUT(0: no, 1: command limit, 2: submission limit) | ENDED I | DONE
set +e
SCRIPT=$GRADE_SCRIPT; CAP=$GRADE_OUT_CAP; STATE=${GRADE_STATE_DIR:-/run}/.grade-shell-$SRANDOM$SRANDOM
# The machine's measured slowness (exec-batch.sh) stretches the learner's limits as it does grade's.
# At most 4×: a learner's commands mostly wait on the network (ping -c 3, a tunnel coming up), which a
# slow CPU stretches little, while a command that never ends would cost the whole factor in a batch.
SLOW=${GRADE_SLOWDOWN:-1}; [[ "$SLOW" =~ ^[0-9]+$ && "$SLOW" -ge 1 ]] || SLOW=1
[ "$SLOW" -gt 4 ] && SLOW=4
T=$((GRADE_CMD_TIMEOUT * SLOW)); LIMIT=$((GRADE_LIMIT * SLOW))
read -r -a ENTER <<<"${GRADE_ENTER-}"
# Nothing of grade's reaches the node: grade-enter passes GRADE_* variables on, so none is left.
for __v in $(compgen -e); do case "$__v" in GRADE_NODE_PROCS) ;; GRADE_*) unset "$__v" ;; esac; done
work=$(mktemp -d /tmp/.grade-run.XXXXXX) || exit 1
# The state file is the node's; on the way out it goes (a shell that reads nothing, cut off if it hangs).
trap 'rm -rf "$work"; timeout -s KILL 5 "${ENTER[@]}" rm -f "$STATE" >/dev/null 2>&1 </dev/null' EXIT
t=$EPOCHREALTIME; DEADLINE=$(( ${t/./} / 1000 + LIMIT * 1000 ))

# The shell each command runs in, inside the node, as the learner. It takes the state the previous
# command left (a file of the node's: the learner's own), runs the command, and saves the state again
# however it ends. A command that ended the shell (exit, set -e) marks the state, and the next
# command's shell stops at once with status 213 and no output: the runner then runs nothing more.
# shellcheck disable=SC2016
WRAP='__grade_state='"$STATE"'
__grade_save() {
  local __grade_v __grade_f
  {
    for __grade_v in $(compgen -v); do
      case "$__grade_v" in
        __grade_*|BASH*|EUID|PPID|UID|SHELLOPTS|GROUPS|FUNCNAME|PIPESTATUS|_|RANDOM|SRANDOM|SECONDS|LINENO|HISTCMD|EPOCHREALTIME|EPOCHSECONDS|DIRSTACK|PWD|OLDPWD|SHLVL|COMP_*|HOSTNAME|HOSTTYPE|MACHTYPE|OSTYPE|OPTERR) ;;
        *) declare -p "$__grade_v" 2>/dev/null ;;
      esac
    done
    for __grade_f in $(compgen -A function); do case "$__grade_f" in __grade_*) ;; *) declare -f "$__grade_f" ;; esac; done
    shopt -p; set +o; umask -p
    printf "cd -- %q 2>/dev/null\n" "$PWD"
    [ "${__grade_went_on-}" = 1 ] || echo __grade_ended=1
  } > "$__grade_state" 2>/dev/null
}
if [ -f "$__grade_state" ]; then
  . "$__grade_state" >/dev/null 2>&1
  [ "${__grade_ended-}" = 1 ] && exit 213
fi
trap __grade_save EXIT
__grade_cmd=$1; shift
eval "$__grade_cmd"
__grade_rc=$?; __grade_went_on=1; trap - EXIT; __grade_save; exit $__grade_rc'

# Prints the first CAP bytes of a command's output file as an OUT record.
emit_out() {
  local f=$1 total size
  if [ ! -s "$f" ]; then printf 'OUT %s 0 0\n\n' "$2"; return; fi
  total=$(stat -c %s "$f" 2>/dev/null || echo 0); size=$total; [ "$size" -gt "$CAP" ] && size=$CAP
  printf 'OUT %s %s %s\n' "$2" "$size" "$total"
  [ "$size" -gt 0 ] && head -c "$size" "$f" | base64 -w0
  printf '\n'
}

# Runs command $1 (index $2) in the node; prints its END record. Returns 1 when the shell had ended.
run_one() {
  local cmd=$1 i=$2 out=$work/out limit cut=0 rc t0 t1 ms
  t0=$EPOCHREALTIME
  limit=$((DEADLINE - ${t0/./} / 1000)); [ "$limit" -gt $((T * 1000)) ] && limit=$((T * 1000)); [ "$limit" -lt 100 ] && limit=100
  # timeout leads a process group of its own: on expiry it kills the command and all it left running,
  # while what earlier commands started keeps running. Floods hit a file size limit, not the disk.
  ( trap '' XFSZ; ulimit -f 2048; exec timeout -s KILL "$((limit / 1000)).$(printf %03d $((limit % 1000)))" "${ENTER[@]}" bash --noprofile --norc -c "$WRAP" bash "$cmd" ) >"$out" 2>&1 </dev/null
  rc=$?
  t1=$EPOCHREALTIME
  ms=$(( (${t1/./} - ${t0/./}) / 1000 ))
  if [ "$rc" = 213 ] && [ ! -s "$out" ]; then printf 'ENDED %s\n' "$((i - 1))"; return 1; fi
  if [ "$rc" = 137 ] && [ "$ms" -ge "$limit" ]; then cut=1; [ "$limit" -lt $((T * 1000)) ] && cut=2; fi
  emit_out "$out" "$i"
  printf 'END %s %s %s %s\n' "$i" "$rc" "$ms" "$cut"
  rm -f "$out"
  [ "$cut" = 2 ] && return 1
  return 0
}

mapfile -t lines <<<"$SCRIPT"
buf=""; start=0; i=0; n=${#lines[@]}
for ((ln = 0; ln < n; ln++)); do
  line=${lines[$ln]}
  if [ -z "$buf" ]; then
    [[ "$line" =~ ^[[:space:]]*(#.*)?$ ]] && continue
    start=$((ln + 1)); buf=$line
  else
    buf+=$'\n'"$line"
  fi
  more=0; [ $((ln + 1)) -lt "$n" ] && more=1
  [ "$more" = 1 ] && [[ "$line" =~ (^|[^\\])(\\\\)*\\$ ]] && continue
  err="" rc=0
  # Most lines are plain commands (`ip addr add 10.0.0.1/24 dev eth0`): words without quotes,
  # expansions or operators that could leave a command open. They need no parse.
  if [[ "$buf" != *$'\n'* && "$buf" =~ ^[[:space:]]*[A-Za-z0-9_./:=,@%+-]+([[:space:]]+[A-Za-z0-9_./:=,@%+>-]+)*[[:space:]]*$ \
     && ! "$buf" =~ ^[[:space:]]*(if|then|elif|else|fi|for|while|until|do|done|case|esac|select|function|time|coproc)([[:space:]]|$) ]]; then
    :
  else
    err=$(bash -n -c "$buf" 2>&1)
    rc=$?
  fi
  if [ "$rc" -ne 0 ] || [ -n "$err" ]; then
    # Unfinished (an open quote, block or here-document): read on, as a terminal's "> " prompt does.
    # Malformed (an unexpected token): report it and go on with the next line, as a terminal does.
    [ "$more" = 1 ] && [[ "$err" =~ (unexpected\ end\ of\ file|unexpected\ EOF|delimited\ by\ end-of-file) ]] && continue
    printf 'SYNTAX %s %s %s\n' "$i" "$start" "$((ln + 1))"
    printf '%s\n' "$err" > "$work/syntax"; emit_out "$work/syntax" "$i"
    i=$((i + 1)); buf=""
    continue
  fi
  t=$EPOCHREALTIME; [ $(( ${t/./} / 1000 )) -ge "$DEADLINE" ] && exit 0
  printf 'BEGIN %s %s %s\n' "$i" "$start" "$((ln + 1))"
  run_one "$buf" "$i" || exit 0
  i=$((i + 1)); buf=""
done
printf 'DONE\n'
