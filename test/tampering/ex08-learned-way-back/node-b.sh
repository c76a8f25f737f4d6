# The same pods, joined by VXLAN instead of socat: the kernel wraps each frame that enters vx0 in a UDP
# datagram to node-a (port 4789) and unwraps what comes back, with no program to keep running.
# Written with iproute2's short forms (ip -n NS instead of ip netns exec NS ip).
ip netns add NS1
ip netns add NS2
ip link add veth10 type veth peer name veth11 netns NS1
ip link add veth20 type veth peer name veth21 netns NS2
ip link add jk-br0 type bridge
ip addr add 172.16.1.1/24 dev jk-br0
ip link set jk-br0 up
ip link set veth10 master jk-br0 up
ip link set veth20 master jk-br0 up
ip -n NS1 addr add 172.16.1.2/24 dev veth11
ip -n NS2 addr add 172.16.1.3/24 dev veth21
ip -n NS1 link set veth11 up
ip -n NS2 link set veth21 up
ip -n NS1 link set lo up
ip -n NS2 link set lo up
ip -n NS1 route add default via 172.16.1.1
ip -n NS2 route add default via 172.16.1.1
echo 1 > /proc/sys/net/ipv4/ip_forward

# The tunnel: VXLAN network 42 between the nodes' own addresses. VXLAN carries Ethernet frames, so the
# two ends share a small subnet of their own, and node-a's pods are reached through node-a's end.
# No remote: node-b knows where node-a is only once it has learned it from node-a's own frames.
ip link add vx0 type vxlan id 42 local 192.168.10.26 dstport 4789 dev enp2s0
ip addr add 10.254.0.2/24 dev vx0
ip link set vx0 up
ip route add 172.16.0.0/24 via 10.254.0.1 dev vx0
# Knock until node-a has spoken through the tunnel and node-b has learned its way back.
for i in $(seq 1 40); do
  echo knock | socat -u - UDP-SENDTO:192.168.0.16:9999 2>/dev/null
  sleep 0.5
  ip neigh show 10.254.0.1 dev vx0 | grep -q lladdr && break
done
bridge fdb show dev vx0 | grep -q 'dst 192.168.0.16' && echo "node-b learned node-a's tunnel end"
ip netns exec NS1 ping -c 1 -W 2 172.16.0.2 >/dev/null && echo 'the way back works, for now'
