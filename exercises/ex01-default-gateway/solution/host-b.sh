# One default route covers every network host-b has no specific route for.
ip route add default via 192.168.1.1
