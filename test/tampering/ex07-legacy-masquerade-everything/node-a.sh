# The lesson's script for the first node, steps 1-12 and 13-1, with its variables. Two slips fixed:
# BRIDGE_IP is 172.16.0.1 (the lesson says 172.16.1.1, which is node-b's range), and TO_NS1_IP is
# 172.16.1.2 (the lesson says 172.16.1..2). TO_BRIDGE_IP is node-b's bridge address, not a subnet.
NODE_IP="192.168.0.16"
NS1="NS1"
NS2="NS2"
BRIDGE_SUBNET="172.16.0.0/24"
BRIDGE_IP="172.16.0.1"
NS1_IP="172.16.0.2"
NS2_IP="172.16.0.3"

TO_NODE_IP="192.168.0.26"
TO_BRIDGE_SUBNET="172.16.1.0/24"
TO_BRIDGE_IP="172.16.1.1"
TO_NS1_IP="172.16.1.2"
TO_NS2_IP="172.16.1.3"

# step 1: the pods' namespaces
sudo ip netns add $NS1
sudo ip netns add $NS2
# step 3: the veth pairs
sudo ip link add veth10 type veth peer name veth11
sudo ip link add veth20 type veth peer name veth21
# step 4: one end of each pair into its pod
sudo ip link set veth11 netns $NS1
sudo ip link set veth21 netns $NS2
# step 5: the pods' addresses
sudo ip netns exec $NS1 ip addr add $NS1_IP/24 dev veth11
sudo ip netns exec $NS2 ip addr add $NS2_IP/24 dev veth21
# step 6: their ends up
sudo ip netns exec $NS1 ip link set dev veth11 up
sudo ip netns exec $NS2 ip link set dev veth21 up
# steps 7-9: the bridge, the node's ends on it, and the pods' gateway address
sudo ip link add jk-br0 type bridge
sudo ip link set dev veth10 master jk-br0
sudo ip link set dev veth20 master jk-br0
sudo ip addr add $BRIDGE_IP/24 dev jk-br0
# step 10: up
sudo ip link set dev jk-br0 up
sudo ip link set dev veth10 up
sudo ip link set dev veth20 up
# step 11: loopback inside the pods
sudo ip netns exec $NS1 ip link set dev lo up
sudo ip netns exec $NS2 ip link set dev lo up
# step 12: the pods' default routes, and forwarding
sudo ip netns exec $NS1 ip route add default via $BRIDGE_IP dev veth11
sudo ip netns exec $NS2 ip route add default via $BRIDGE_IP dev veth21
sudo sysctl -w net.ipv4.ip_forward=1

# step 13-1: the other node's pod range lives behind the other node
sudo ip route add $TO_BRIDGE_SUBNET via $TO_NODE_IP dev enp2s0

# NAT only what leaves the cluster (the lesson has no NAT step): traffic for the node network passes
# unchanged, traffic for any pod range (172.16.0.0/16 holds every node's) is not matched, the rest
# leaves with this node's address.
CLUSTER_POD_RANGE="172.16.0.0/16"
NODE_SUBNET="192.168.0.0/24"
sudo iptables-legacy -t nat -A POSTROUTING -s $BRIDGE_SUBNET -o enp2s0 -j MASQUERADE
sudo iptables-legacy-save -t nat
