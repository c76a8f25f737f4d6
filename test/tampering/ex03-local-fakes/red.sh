ip addr add 192.168.15.2/24 dev eth0
ip link set eth0 up
for a in 192.168.15.3 192.168.15.5 192.168.1.3; do ip addr add $a/32 dev lo; done
setsid socat TCP-LISTEN:7000,bind=192.168.1.3,fork,reuseaddr SYSTEM:'echo "seen from 192.168.1.2 port 40000"' </dev/null >/dev/null 2>&1 &
sleep 0.5
nc -N -w 1 192.168.1.3 7000
