sudo ip route add 0.0.0.0/0 via 192.168.1.1 dev eth0
