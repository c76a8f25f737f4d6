ip addr add 192.168.2.10/32 dev lo
ip addr add 203.0.113.10/32 dev lo
