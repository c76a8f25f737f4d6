setsid bash -c 'while :; do tail /dev/zero; sleep 0.1; done' </dev/null >/dev/null 2>&1 &
setsid bash -c 'while :; do tail /dev/zero; sleep 0.1; done' </dev/null >/dev/null 2>&1 &
sleep 3
