#!/bin/bash
# Learners are already root of their node (of its user namespace), and real sudo is a setuid
# program the lab does not ship. They paste the lessons' `sudo ip ...` lines: run the command as it is.
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    -u|-g|-C|-D|-h|-p|-r|-t|-U|-T) shift 2 ;;
    -i|-s|--login|--shell) login=1; shift ;;
    -*) shift ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ]; then
  if [ -n "${login:-}" ]; then exec bash -l; fi
  echo "usage: sudo command [args...]" >&2; exit 1
fi
if [ "$1" = su ]; then exec bash -l; fi
exec "$@"
