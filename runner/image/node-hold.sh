#!/bin/bash
# Root of one node's user namespace, in the node's own network and mount namespaces (M1); started by
# node-boot.sh. The learner's commands run in exactly these namespaces, with all capabilities of this
# user namespace (so `ip netns add`, bridges and iptables work) and none outside it.
set -euo pipefail
# sysfs shows the network namespace of whoever mounts it: this one's.
mount -n -t sysfs -o nosuid,nodev,noexec grade-sysfs /sys
# A new network namespace copies some defaults from the host: start from a plain Linux box instead.
echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6
echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6
echo 0 > /proc/sys/net/ipv4/ip_forward
ip link set lo up
echo held > /run/.grade-hold
rm -f /run/.grade-hold
trap '' TERM INT HUP QUIT USR1 USR2
while :; do sleep 3600 & wait $!; done
