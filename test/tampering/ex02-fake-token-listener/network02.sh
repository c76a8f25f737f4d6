ip addr add 192.168.150.2/32 dev lo
