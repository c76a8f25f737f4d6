ip addr add 192.168.15.3/24 dev eth0
ip link set eth0 up
for a in 192.168.15.2 192.168.15.5 192.168.1.3; do ip addr add $a/32 dev lo; done
