ip link add dummy0 type dummy
ip link set dummy0 up
ip addr add 192.168.1.11/24 dev dummy0
ip addr add 192.168.1.10/32 dev dummy0
ip route add local 192.168.1.0/24 dev lo table local
ping -c 1 -W 1 192.168.1.10
