# The way back: network01's segment is behind the router's address on this side.
sudo ip route add 192.168.150.0/24 via 192.168.100.3
