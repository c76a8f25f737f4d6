ip addr add 192.168.150.2/32 dev lo
ping -c 1 -W 1 192.168.150.2
