#!/bin/bash
# PID 1 of a lab container. The lab's nodes are namespaces that grade makes inside this container
# (see node-boot.sh); PID 1 only has to stay alive and reap what is orphaned to it. It ignores the
# catchable signals: teardown removes the container with SIGKILL, which no trap stops.
trap '' TERM INT HUP QUIT USR1 USR2
while :; do sleep 3600 & wait $!; done
