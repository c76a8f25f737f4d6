#!/bin/bash
# The bash program that runs a learner's file inside a node, one complete command at a time, like a
# terminal would: bash itself decides where a command ends (loops, here-documents, continuation lines),
# a failing command does not stop the next, and shell state (cd, variables) carries over.
# It reports on stdout in marked records (outputs base64-encoded) that parse-runner-output.ts reads.
set +e
MARK=$GRADE_MARK; T=$GRADE_CMD_TIMEOUT; CAP=$GRADE_OUT_CAP; SCRIPT=$GRADE_SCRIPT
unset GRADE_MARK GRADE_CMD_TIMEOUT GRADE_OUT_CAP GRADE_SCRIPT
RUNNER=$$; PGID=$(ps -o pgid= -p $$ | tr -d ' ')
# Floods of output hit a file size limit instead of filling the disk.
trap '' XFSZ
ulimit -f 2048
mapfile -t __lines <<< "$SCRIPT"
__buf=""; __start=0; __i=0; __n=${#__lines[@]}
__emit_out() {
  local f=$1 size total
  # Most commands print nothing: say so without starting a process.
  if [ ! -s "$f" ]; then printf '%s OUT %s 0 0\n\n' "$MARK" "$2"; return; fi
  total=$(stat -c %s "$f" 2>/dev/null || echo 0); size=$total; [ "$size" -gt "$CAP" ] && size=$CAP
  printf '%s OUT %s %s %s\n' "$MARK" "$2" "$size" "$total"; head -c "$size" "$f" | base64 -w0; printf '\n'
}
for ((__ln = 0; __ln < __n; __ln++)); do
  __line=${__lines[$__ln]}
  if [ -z "$__buf" ]; then
    [[ "$__line" =~ ^[[:space:]]*(#.*)?$ ]] && continue
    __start=$((__ln + 1)); __buf=$__line
  else
    __buf+=$'\n'"$__line"
  fi
  __more=0; [ $((__ln + 1)) -lt "$__n" ] && __more=1
  [ "$__more" = 1 ] && [[ "$__line" =~ (^|[^\\])(\\\\)*\\$ ]] && continue
  # Most lines are plain commands (`ip addr add 10.0.0.1/24 dev eth0`, `echo 1 > /proc/...`): words
  # without quotes, expansions or operators that could leave a command open. They need no parse.
  __err="" __rc=0
  if [[ "$__buf" != *$'\n'* && "$__buf" =~ ^[[:space:]]*[A-Za-z0-9_./:=,@%+-]+([[:space:]]+[A-Za-z0-9_./:=,@%+>-]+)*[[:space:]]*$ \
     && ! "$__buf" =~ ^[[:space:]]*(if|then|elif|else|fi|for|while|until|do|done|case|esac|select|function|time|coproc)([[:space:]]|$) ]]; then
    :
  else
    __err=$(bash -n -c "$__buf" 2>&1)
    __rc=$?
    # A learner's broken /etc/ld.so.preload makes every program complain; that is no syntax error.
    if [[ "$__err" == *"ld.so:"* ]]; then
      __kept=""
      while IFS= read -r __l; do [[ "$__l" == "ERROR: ld.so:"* ]] || __kept+="$__l"$'\n'; done <<<"$__err"
      __err=${__kept%$'\n'}
    fi
  fi
  if [ "$__rc" -ne 0 ] || [ -n "$__err" ]; then
    # Unfinished (an open quote, block or here-document): read on, as a terminal's "> " prompt does.
    # Malformed (an unexpected token): report it and go on with the next line, as a terminal does.
    [ "$__more" = 1 ] && [[ "$__err" =~ (unexpected\ end\ of\ file|unexpected\ EOF|delimited\ by\ end-of-file) ]] && continue
    printf '%s SYNTAX %s %s %s\n' "$MARK" "$__i" "$__start" "$((__ln + 1))"
    printf '%s\n' "$__err" > /tmp/.grade-syntax; __emit_out /tmp/.grade-syntax "$__i"
    rm -f /tmp/.grade-syntax
    __i=$((__i + 1)); __buf=""
    continue
  fi
  __out=/tmp/.grade-out-$__i; __flag=/tmp/.grade-timeout-$__i
  printf '%s BEGIN %s %s %s\n' "$MARK" "$__i" "$__start" "$((__ln + 1))"
  # The watchdog keeps nothing of the runner's stdout open: a TERM that lands before its trap is set
  # can orphan its sleep, which must not hold the exec's output open for another $T seconds.
  # A file that calls `exit` ends the runner mid-command: its watchdog then stands down when it wakes.
  (
    trap 'kill $__s 2>/dev/null; exit 0' TERM
    sleep "$T" & __s=$!; wait $__s
    kill -0 "$RUNNER" 2>/dev/null || exit 0
    : > "$__flag"
    for __p in $(pgrep -g "$PGID"); do
      case " $__p " in " $RUNNER "|" $BASHPID "|" $PGID ") ;; *) kill -KILL "$__p" 2>/dev/null ;; esac
    done
  ) > /dev/null 2>&1 &
  __wd=$!
  __t0=$EPOCHREALTIME
  eval "$__buf" > "$__out" 2>&1 < /dev/null
  __rc=$?
  __t1=$EPOCHREALTIME
  kill "$__wd" 2>/dev/null; wait "$__wd" 2>/dev/null
  __timed=0; [ -e "$__flag" ] && __timed=1
  __emit_out "$__out" "$__i"
  printf '%s END %s %s %s %s\n' "$MARK" "$__i" "$__rc" "$(( (${__t1/./} - ${__t0/./}) / 1000 ))" "$__timed"
  rm -f "$__out" "$__flag"
  __i=$((__i + 1)); __buf=""
done
printf '%s DONE\n' "$MARK"
