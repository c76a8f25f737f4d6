ip route add default via 192.168.1.100
