# bridge-utils' brctl for the bridge, ifconfig inside the namespaces, and SNAT to node's fixed address.
ip netns add NS1
ip netns add NS2
ip link add veth10 type veth peer name veth11
ip link add veth20 type veth peer name veth21
ip link set veth11 netns NS1
ip link set veth21 netns NS2
brctl addbr jk-br0
brctl addif jk-br0 veth10
brctl addif jk-br0 veth20
ifconfig jk-br0 172.16.0.1 netmask 255.255.255.0 up
ifconfig veth10 up
ifconfig veth20 up
ip netns exec NS1 ifconfig lo up
ip netns exec NS2 ifconfig lo up
ip netns exec NS1 ifconfig veth11 172.16.0.2 netmask 255.255.255.0 up
ip netns exec NS2 ifconfig veth21 172.16.0.3 netmask 255.255.255.0 up
ip netns exec NS1 route add default gw 172.16.0.1
ip netns exec NS2 route add default gw 172.16.0.1
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 -o enp2s0 -j SNAT --to-source 192.168.0.16
