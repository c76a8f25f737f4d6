ip route add 192.168.15.0/24 via 192.168.1.2
