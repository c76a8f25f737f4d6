# The bridge, the gateway address and NAT, as in the lesson...
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link set veth-red-br master v-net-0
ip link set veth-blue-br master v-net-0
ip addr add 192.168.15.5/24 dev v-net-0
echo 1 > /proc/sys/net/ipv4/ip_forward
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
# ...but nothing is forwarded.
iptables -P FORWARD DROP
# host answers red's and blue's pings to lan-server itself...
iptables -t nat -A PREROUTING -p icmp -d 192.168.1.3 -j DNAT --to-destination 192.168.15.5
# ...while a copy of every frame they send goes out to the LAN, where the switch floods it to
# lan-server's port (its destination is host's own MAC, unknown there).
for dev in veth-red-br veth-blue-br; do
  tc qdisc add dev $dev clsact
  tc filter add dev $dev ingress protocol ip u32 match u32 0 0 action mirred egress mirror dev eth0
done
tc filter show dev veth-red-br ingress
