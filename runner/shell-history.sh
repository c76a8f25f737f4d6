# shellcheck shell=bash
# grade's side of the shell history (runner/shell-history.ts), run as the lab container's root,
# outside every node. The history is /run/grade/history/NODE/SESSION.jsonl: a tmpfs of its own,
# mounted once per lab under a lock, since two shells may open at the same moment.
#   open NODE CMD...     on a terminal, open a new session's file on fd 77 with O_APPEND; then exec CMD
#                        (grade-enter into the node). Should the file fail, the shell still opens,
#                        unrecorded, and says so
#   read [NODE]          each file as "NODE/SESSION.jsonl BASE64" on a line of its own
#   write FILE first|more  GRADE_PIECE into FILE.part (restoring), then
#   commit FILE          rename FILE.part over FILE, so a reader sees the old file or the whole new one
dir=/run/grade/history

history_dir() {
  { flock 8 && { mountpoint -q "$dir" || { mkdir -p "$dir" && mount -t tmpfs -o size=8m,mode=0700,nosuid,nodev,noexec grade-history "$dir"; }; }; } 8>>/run/grade/history.lock
}

case $1 in
  open)
    node=$2
    shift 2
    # Only a terminal's shell is recorded: commands piped into `grade shell` are a script.
    if [ -t 0 ]; then
      { history_dir && mkdir -p "$dir/$node" && exec 77>>"$dir/$node/$(date +%s%3N)-$$.jsonl"; } ||
        echo "grade: the commands of this shell are not being recorded." >&2
    fi
    exec "$@" ;;
  read)
    cd "$dir" 2>/dev/null || exit 0
    shopt -s nullglob
    # shellcheck disable=SC2231 # unquoted on purpose: without a node, * globs every node's folder
    for f in ${2:-*}/*.jsonl; do
      printf '%s ' "$f"
      base64 -w0 -- "$f"
      echo
    done ;;
  write)
    history_dir && mkdir -p "$dir/${2%/*}" || exit
    if [ "$3" = first ]; then printf '%s' "$GRADE_PIECE" >"$dir/$2.part"; else printf '%s' "$GRADE_PIECE" >>"$dir/$2.part"; fi ;;
  commit)
    mv -f -- "$dir/$2.part" "$dir/$2" ;;
  *) echo "shell-history: unknown command $1" >&2; exit 2 ;;
esac
