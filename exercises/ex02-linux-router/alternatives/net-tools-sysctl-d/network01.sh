# The same routes with the older net-tools `route` command.
sudo route add -net 192.168.100.0 netmask 255.255.255.0 gw 192.168.150.3
