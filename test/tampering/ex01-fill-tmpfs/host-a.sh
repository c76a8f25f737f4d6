mkdir -p /tmp/fill && mount -t tmpfs -o size=4g fill /tmp/fill && echo mounted
# Files of a few MiB each (a submission's commands may not write bigger ones), 400 MiB in all.
for i in $(seq 1 200); do head -c 2000000 /dev/zero > /tmp/fill/f$i || break; done
setsid bash -c 'while :; do head -c 2000000 /dev/zero > /tmp/fill/b.$RANDOM; sleep 0.2; done' </dev/null >/dev/null 2>&1 &
