sudo route add -net 192.168.150.0/24 gw 192.168.100.3 dev eth0
