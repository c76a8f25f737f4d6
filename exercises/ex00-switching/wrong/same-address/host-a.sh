ip addr add 192.168.1.10/24 dev eth0
