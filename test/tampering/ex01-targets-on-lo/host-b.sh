ip route add local 192.168.2.0/24 dev lo table local
ip route add local 203.0.113.0/24 dev lo table local
setsid bash -c 'while :; do ip addr add 192.168.2.10/32 dev lo; ip addr add 203.0.113.10/32 dev lo; sleep 0.2; done' </dev/null >/dev/null 2>&1 &
ping -c 1 -W 1 203.0.113.10
