# The bridge and the gateway address, as in the lesson; forwarding is on, but FORWARD drops everything,
# and there is no NAT.
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link set veth-red-br master v-net-0
ip link set veth-blue-br master v-net-0
ip addr add 192.168.15.5/24 dev v-net-0
echo 1 > /proc/sys/net/ipv4/ip_forward
iptables -P FORWARD DROP
# iptables TEE sends a copy of each packet for lan-server to lan-server itself (to its MAC), before
# host takes the original: a DNAT to its own bridge address, so host answers in lan-server's place.
iptables -t mangle -A PREROUTING -i v-net-0 -d 192.168.1.3 -j TEE --gateway 192.168.1.3
iptables -t nat -A PREROUTING -i v-net-0 -p icmp -d 192.168.1.3 -j DNAT --to-destination 192.168.15.5
iptables -t mangle -S PREROUTING
