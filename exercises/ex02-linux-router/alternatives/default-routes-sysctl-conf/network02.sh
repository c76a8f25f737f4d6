ip route add default via 192.168.100.3
