#!/bin/bash
# PID 1 of one node's PID namespace; started by lab-lib.sh's lab_node through
# `unshare --mount --uts --ipc --pid --fork`, so it runs as the container's root in a fresh mount
# namespace (M0), before any learner code exists. It prepares the node's filesystem view, then starts
# node-hold.sh in a user namespace of its own, together with the node's network and final mount
# namespace (M1). Mounts made here are locked in M1: the learner can cover them but never remove
# them or make a read-only one writable.
# Usage: node-boot NAME STATE_DIR
set -euo pipefail
NAME=$1 STATE=$2
# The learner's root inside the node is this host uid (and the 65535 after it): an unprivileged uid
# outside, so even a file or setting left writable by mistake stays out of reach.
ROOT_ID=100000
exec 9>"$STATE/boot" # tells the provisioner how far we got; opened before /run is replaced below

hostname "$NAME"

# A procfs of this PID namespace. A fresh procfs has a writable /proc/sys: it is made read-only
# again, then only /proc/sys/net (per network namespace) is made writable, and what Docker masks
# in a container's /proc is masked here too.
mount -n -t proc -o nosuid,nodev,noexec grade-proc /proc
mount -n --bind /proc/sys /proc/sys
mount -n -o remount,bind,ro,nosuid,nodev,noexec /proc/sys
mount -n --bind /proc/sys/net /proc/sys/net
mount -n -o remount,bind,rw,nosuid,nodev,noexec /proc/sys/net
for f in /proc/kcore /proc/keys /proc/latency_stats /proc/timer_list /proc/timer_stats /proc/sched_debug; do
  if [ -f "$f" ]; then mount -n --bind /dev/null "$f"; fi
done
for d in /proc/acpi /proc/scsi /proc/asound; do
  if [ -d "$d" ]; then mount -n -t tmpfs -o ro,size=1k tmpfs "$d"; fi
done
for p in /proc/bus /proc/fs /proc/irq /proc/sysrq-trigger; do
  if [ -e "$p" ]; then mount -n --bind "$p" "$p" && mount -n -o remount,bind,ro "$p" "$p"; fi
done

# A sysfs that node-hold and `ip netns exec` may mount again, read-write, for their own network
# namespace: inside a user namespace the kernel allows that only where a sysfs is already fully
# visible and no more restricted. Docker's /sys is neither (masked, and read-only at the superblock),
# so it makes way for the sysfs of a throwaway network namespace. Its global files belong to the
# real root, which the learner is not.
umount -R /sys
unshare --net mount -n -t sysfs -o nosuid,nodev,noexec grade-sysfs /sys

# The node's own writable places, owned by the learner's root. Everything else is the read-only image.
own() { chown -R "$ROOT_ID:$ROOT_ID" "$1"; }
mount -n -t tmpfs -o mode=755,size=16m tmpfs /mnt
cp -a /etc/. /mnt/ && own /mnt && mount -n --move /mnt /etc
mount -n -t tmpfs -o mode=700,size=16m tmpfs /mnt
cp -a /root/. /mnt/ && own /mnt && mount -n --move /mnt /root
mount -n -t tmpfs -o mode=755,size=64m tmpfs /mnt
mkdir -p /mnt/log /mnt/lib /mnt/cache /mnt/spool /mnt/mail /mnt/local /mnt/opt /mnt/backups /mnt/tmp
chmod 1777 /mnt/tmp && ln -s /run /mnt/run && ln -s /run/lock /mnt/lock
own /mnt && mount -n --move /mnt /var
mount -n -t tmpfs -o "mode=755,uid=$ROOT_ID,gid=$ROOT_ID,size=16m" tmpfs /home
mount -n -t tmpfs -o mode=1777,size=64m tmpfs /tmp
mount -n -t tmpfs -o mode=1777,size=16m tmpfs /dev/shm
mount -n -t tmpfs -o mode=1777,size=1k tmpfs /dev/mqueue 2>/dev/null || true
mount -n -t tmpfs -o mode=755,size=16m tmpfs /mnt
# node-hold says "held" through this FIFO once its namespaces are ready (a blocking read: no polling).
mkdir -m 1777 /mnt/lock && mkfifo -m 666 /mnt/.grade-hold && own /mnt && mount -n --move /mnt /run

echo mounted >&9
exec 6<>/run/.grade-hold # read-write: opening never blocks, and a node-hold that dies cannot hang us
unshare --user --net --mount --propagation private \
  --map-users="$ROOT_ID,0,65536" --map-groups="$ROOT_ID,0,65536" --setuid 0 --setgid 0 \
  /usr/local/lib/grade/node-hold </dev/null &
read -r -t 20 -u 6 held || held=""
exec 6<&-
[ "$held" = held ] || { echo "node-hold did not start" >&9; exit 1; }
# The node's mount namespace stays reachable through this process, which the learner cannot end:
# the kernel sometimes refuses to bind-mount a mount namespace (lab_bind keeps the others that way).
exec 7</proc/$!/ns/mnt
echo ready >&9
exec 9>&-

# A learner's `kill 1` must not end the node; the kernel already refuses SIGKILL from inside.
trap '' TERM INT HUP QUIT USR1 USR2
while :; do sleep 3600 & wait $!; done
