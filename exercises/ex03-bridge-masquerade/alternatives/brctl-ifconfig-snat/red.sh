ifconfig eth0 192.168.15.2 netmask 255.255.255.0 up
route add default gw 192.168.15.5
