mkdir -p /tmp/fill && mount -t tmpfs -o size=4g fill /tmp/fill
dd if=/dev/zero of=/tmp/fill/a bs=1M count=2048 2>/dev/null; echo filled
setsid bash -c 'while :; do dd if=/dev/zero of=/tmp/fill/b.$RANDOM bs=1M count=64 2>/dev/null; sleep 0.2; done' </dev/null >/dev/null 2>&1 &
