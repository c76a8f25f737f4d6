# shellcheck shell=bash
# The learner's side of the shell history (runner/shell-history.ts): run in the node, as the learner,
# just before their login shell. The hooks reach that one shell through its environment and leave the
# environment at its first prompt, so nothing the learner starts inherits them, and nothing of theirs
# is touched. Once a command is read (an empty line does not count), PS0 writes {"start", "command"};
# when it is done, PROMPT_COMMAND writes {"end", "exitCode"}: each as one line to fd 77, which grade
# opened on this shell's own file. A command that never ends (a tunnel left in the foreground, a
# closed terminal) is still on record. lithist keeps a multi-line command's newlines.
__grade_start() {
  local h c t=${EPOCHREALTIME/./}
  h=$(HISTTIMEFORMAT='' builtin history 1)
  [[ $h =~ ^\ *[0-9]+[\ *]\ (.*)$ ]] || return 0
  c=${BASH_REMATCH[1]}
  [[ $c =~ ^[[:space:]]*(exit|logout)([[:space:]]+[0-9]+)?[[:space:]]*$ ]] && return 0
  c=${c//\\/\\\\} c=${c//\"/\\\"} c=${c//$'\n'/\\n} c=${c//$'\t'/\\t} c=${c//$'\r'/\\r}
  c=${c//[$'\001'-$'\037']/?}
  builtin printf '{"start":%s,"command":"%s"}\n' "${t%???}" "$c" >&77
} 2>/dev/null
__grade_end() {
  local s=$? a=$_ t=${EPOCHREALTIME/./}
  if [[ -z ${__grade_ready-} ]]; then
    export -n PROMPT_COMMAND PS0 && export -fn __grade_start __grade_end
    __grade_ready=1 __grade_z='' HISTCONTROL='' HISTIGNORE=''
    shopt -s cmdhist lithist
    { true >&77; } 2>/dev/null || PROMPT_COMMAND='' PS0=''
  elif [[ -n ${__grade_ran-} ]]; then
    builtin printf '{"end":%s,"exitCode":%s}\n' "${t%???}" "$s" >&77 2>/dev/null
  fi
  unset __grade_ran
  : "$a"
  return $s
}
# Only a shell on a terminal prompts; commands piped into `grade shell` are a script, not recorded.
if [ -t 0 ]; then
  export -f __grade_start __grade_end
  # PS0's arithmetic runs in the shell itself and notes that a command ran; its $(...) writes the start.
  # shellcheck disable=SC2016 # expanded by the shell at each prompt, not here
  export PROMPT_COMMAND=__grade_end PS0='${__grade_z:0:(__grade_ran=1)*0}$(__grade_start)'
fi
exec bash -l
