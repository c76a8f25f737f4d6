# The lesson's way: one route per remote network, each through the router's LAN address.
ip route add {{wan}} via {{addr lan gw}}
ip route add 203.0.113.0/24 via {{addr lan gw}}
