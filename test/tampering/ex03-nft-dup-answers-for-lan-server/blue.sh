sudo ip addr add 192.168.15.3/24 dev eth0
sudo ip link set eth0 up
sudo ip route add default via 192.168.15.5
