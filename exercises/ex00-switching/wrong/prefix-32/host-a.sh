ip addr add 192.168.1.10/32 dev eth0
