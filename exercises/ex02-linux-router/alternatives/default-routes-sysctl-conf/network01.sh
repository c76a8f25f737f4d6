# A default route instead of a route for one network: everything unknown goes to the router.
ip route add default via 192.168.150.3 dev eth0
