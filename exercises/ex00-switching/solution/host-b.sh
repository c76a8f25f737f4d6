# The same on host-b, with its own address in the same network.
sudo ip addr add 192.168.1.11/24 dev eth0
