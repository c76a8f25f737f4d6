# Docker's own shape: address first, ports attached after the bridge is up, and a MASQUERADE rule that
# covers everything from the segment that does not go back out through the bridge.
sudo ip link add name v-net-0 type bridge
sudo ip addr add 192.168.15.5/24 brd + dev v-net-0
sudo ip link set v-net-0 up
for port in veth-red-br veth-blue-br; do sudo ip link set dev "$port" master v-net-0; done
sudo sysctl net.ipv4.ip_forward=1
sudo iptables -t nat -A POSTROUTING -s 192.168.15.0/24 ! -o v-net-0 -j MASQUERADE
