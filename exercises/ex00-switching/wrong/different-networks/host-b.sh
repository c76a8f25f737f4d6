ip addr add 192.168.2.11/24 dev eth0
