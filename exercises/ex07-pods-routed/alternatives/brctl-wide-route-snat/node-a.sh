# bridge-utils and net-tools, one route for the whole 172.16.0.0/16 (the node's own /24 on jk-br0 is more
# specific, so only the other node's pods take it), an ACCEPT that exempts the cluster from NAT before
# the SNAT to the node's fixed address.
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
route add -net 172.16.0.0 netmask 255.255.0.0 gw 192.168.0.26
iptables -t nat -I POSTROUTING 1 -d 172.16.0.0/16 -j ACCEPT
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 ! -d 192.168.0.0/24 -o enp2s0 -j SNAT --to-source 192.168.0.16
