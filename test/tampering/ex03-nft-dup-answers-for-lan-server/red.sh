sudo ip addr add 192.168.15.2/24 dev eth0
sudo ip link set eth0 up
sudo ip route add default via 192.168.15.5
# (host may still be setting up: try until it answers)
for i in $(seq 30); do ping -c 1 -W 1 192.168.1.3 && break; sleep 0.3; done
