# net-tools, one route per remote network, the masks written out.
route add -net 192.168.2.0 netmask 255.255.255.0 gw 192.168.1.1
route add -net 203.0.113.0 netmask 255.255.255.0 gw 192.168.1.1 dev eth0
