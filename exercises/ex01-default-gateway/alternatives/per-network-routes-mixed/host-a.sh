# iproute2 short forms, naming the interface as well as the gateway.
ip r add 192.168.2.0/24 via 192.168.1.1 dev eth0
ip r add 203.0.113.0/24 via 192.168.1.1 dev eth0
