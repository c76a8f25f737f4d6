# The bridge and the gateway address, as in the lesson; forwarding is on, but FORWARD drops everything,
# and there is no NAT.
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link set veth-red-br master v-net-0
ip link set veth-blue-br master v-net-0
ip addr add 192.168.15.5/24 dev v-net-0
echo 1 > /proc/sys/net/ipv4/ip_forward
iptables -P FORWARD DROP
# nft: a copy of each packet for lan-server to lan-server itself, before host takes the original with
# a DNAT to its own bridge address and answers in lan-server's place.
nft add table ip trick
nft add chain ip trick copy '{ type filter hook prerouting priority -300; }'
nft add rule ip trick copy iifname v-net-0 ip daddr 192.168.1.3 dup to 192.168.1.3
nft add chain ip trick take '{ type nat hook prerouting priority -100; }'
nft add rule ip trick take iifname v-net-0 ip daddr 192.168.1.3 icmp type echo-request dnat to 192.168.15.5
nft list table ip trick
