# The lesson's script on node-b: steps 1 to 12 (the pods), then step 13-2 (the tunnel), with its
# variables turned round (node-b's addresses first, node-a's as the TO_ ones). The tunnel addresses
# are private ones (10.254.0.2 here, 10.254.0.1 on node-a) instead of the lesson's 2.1.0.100 and 1.1.0.100.
NODE_IP="192.168.10.26"
NS1="NS1"
NS2="NS2"
BRIDGE_SUBNET="172.16.1.0/24"
BRIDGE_IP="172.16.1.1"
NS1_IP="172.16.1.2"
NS2_IP="172.16.1.3"

TO_NODE_IP="192.168.0.16"
TO_BRIDGE_SUBNET="172.16.0.0/24"
TO_BRIDGE_IP="172.16.0.1"
TO_NS1_IP="172.16.0.2"
TO_NS2_IP="172.16.0.3"

# step 1: the pods' namespaces
sudo ip netns add $NS1
sudo ip netns add $NS2
# step 3: the veth pairs
sudo ip link add veth10 type veth peer name veth11
sudo ip link add veth20 type veth peer name veth21
# step 4: one end of each pair into its namespace
sudo ip link set veth11 netns $NS1
sudo ip link set veth21 netns $NS2
# step 5: the pods' addresses
sudo ip netns exec $NS1 ip addr add $NS1_IP/24 dev veth11
sudo ip netns exec $NS2 ip addr add $NS2_IP/24 dev veth21
# step 6: their ends up
sudo ip netns exec $NS1 ip link set dev veth11 up
sudo ip netns exec $NS2 ip link set dev veth21 up
# steps 7-9: the bridge, node-b's ends on it, and the pods' gateway address
sudo ip link add jk-br0 type bridge
sudo ip link set dev veth10 master jk-br0
sudo ip link set dev veth20 master jk-br0
sudo ip addr add $BRIDGE_IP/24 dev jk-br0
# step 10: up
sudo ip link set dev jk-br0 up
sudo ip link set dev veth10 up
sudo ip link set dev veth20 up
# step 11: loopback in the pods
sudo ip netns exec $NS1 ip link set dev lo up
sudo ip netns exec $NS2 ip link set dev lo up
# step 12: the pods' default routes, and forwarding
sudo ip netns exec $NS1 ip route add default via $BRIDGE_IP dev veth11
sudo ip netns exec $NS2 ip route add default via $BRIDGE_IP dev veth21
sudo sysctl -w net.ipv4.ip_forward=1

# step 13-2: the tunnel. socat carries every packet that enters tundudp to node-a inside a UDP datagram
# (port 9000), and puts every datagram from node-a back into tundudp as a packet.
TUNNEL_IP=10.254.0.2
TO_TUNNEL_IP=10.254.0.1
sudo socat UDP:$TO_NODE_IP:9000,bind=$NODE_IP:9000, TUN:$TUNNEL_IP/24,tun-name=tundudp,iff-no-pi,tun-type=tun &
sleep 1
sudo ip link set tundudp up
sudo ip route add $TO_BRIDGE_SUBNET via $TUNNEL_IP dev tundudp
