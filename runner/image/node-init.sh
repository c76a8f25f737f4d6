#!/bin/bash
# PID 1 of every lab node. It holds SYS_ADMIN only to make /proc/sys/net writable (the lessons'
# `echo 1 > /proc/sys/net/ipv4/ip_forward`); everything the grader runs inside drops to NET_ADMIN + NET_RAW.
set -u
if ! touch /proc/sys/net/ipv4/ip_forward 2>/dev/null || ! [ -w /proc/sys/net/ipv4/ip_forward ]; then
  mount --bind /proc/sys/net /proc/sys/net && mount -o remount,bind,rw /proc/sys/net /proc/sys/net
fi
# The rest of /proc/sys stays as Docker mounted it: read-only.
echo ready > /run/grade-node-ready
# A learner's `kill 1` must not stop the node (that would look like the machine's fault): ignore the
# catchable signals. Teardown removes containers with SIGKILL, which no trap stops.
trap '' TERM INT HUP QUIT USR1 USR2
while :; do sleep 3600 & wait $!; done
