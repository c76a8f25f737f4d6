ip addr add 192.168.1.11/24 dev lo
