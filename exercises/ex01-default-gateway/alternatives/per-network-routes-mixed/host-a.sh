# iproute2 short forms, naming the interface as well as the gateway.
ip r add {{wan}} via {{addr lan gw}} dev eth0
ip r add 203.0.113.0/24 via {{addr lan gw}} dev eth0
