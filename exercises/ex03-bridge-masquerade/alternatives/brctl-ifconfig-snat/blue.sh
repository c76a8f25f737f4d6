ifconfig eth0 192.168.15.3/24 up
route add -net 0.0.0.0 netmask 0.0.0.0 gw 192.168.15.5 dev eth0
