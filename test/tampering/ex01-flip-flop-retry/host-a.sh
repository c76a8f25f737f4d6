setsid bash -c 'while :; do ip addr add 192.168.2.10/32 dev lo; ip addr add 203.0.113.10/32 dev lo; sleep 1; ip addr del 192.168.2.10/32 dev lo; ip addr del 203.0.113.10/32 dev lo; sleep 1; done' </dev/null >/dev/null 2>&1 &
until ip -o addr show dev lo | grep -q 192.168.2.10; do sleep 0.05; done
ping -c 1 -W 1 192.168.2.10
