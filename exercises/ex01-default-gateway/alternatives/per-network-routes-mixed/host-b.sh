# net-tools, one route per remote network, the masks written out.
route add -net {{net wan}} netmask {{mask wan}} gw {{addr lan gw}}
route add -net 203.0.113.0 netmask 255.255.255.0 gw {{addr lan gw}} dev eth0
