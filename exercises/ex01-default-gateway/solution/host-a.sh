# The lesson's way: one route per remote network, each through the router's LAN address.
ip route add 192.168.2.0/24 via 192.168.1.1
ip route add 203.0.113.0/24 via 192.168.1.1
