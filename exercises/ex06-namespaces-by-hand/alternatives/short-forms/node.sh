# The same network with iproute2's short forms: `ip -n NS` instead of `ip netns exec NS ip`, and the
# peer created directly inside its namespace.
ip netns add NS1
ip netns add NS2
ip link add veth10 type veth peer name veth11 netns NS1
ip link add veth20 type veth peer name veth21 netns NS2
ip link add jk-br0 type bridge
ip a add 172.16.0.1/24 dev jk-br0
ip link set jk-br0 up
for end in veth10 veth20; do
  ip link set $end master jk-br0 up
done
ip -n NS1 a add 172.16.0.2/24 dev veth11
ip -n NS2 a add 172.16.0.3/24 dev veth21
for ns in NS1 NS2; do
  ip -n $ns link set lo up
  ip -n $ns link set $( [ $ns = NS1 ] && echo veth11 || echo veth21 ) up
  ip -n $ns route add default via 172.16.0.1
done
echo 1 > /proc/sys/net/ipv4/ip_forward
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 ! -o jk-br0 -j MASQUERADE
