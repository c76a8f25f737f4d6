setsid bash -c 'for i in $(seq 1 2000); do sleep 600 & done; wait' </dev/null >/dev/null 2>&1 &
sleep 3
