# A specific route to the LAN is enough too.
ip address add 192.168.15.2/24 dev eth0
ip route add 192.168.1.0/24 via 192.168.15.5 dev eth0
