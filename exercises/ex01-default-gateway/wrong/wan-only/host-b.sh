ip route add 192.168.2.0/24 via 192.168.1.1
