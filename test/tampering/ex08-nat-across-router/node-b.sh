for i in 1 2; do
  ip netns add NS$i
  ip link add veth${i}0 type veth peer name veth${i}1 netns NS$i
  ip -n NS$i addr add 172.16.1.$((i + 1))/24 dev veth${i}1
  ip -n NS$i link set veth${i}1 up
  ip -n NS$i link set lo up
done
ip link add jk-br0 type bridge
ip addr add 172.16.1.1/24 dev jk-br0
for dev in veth10 veth20; do ip link set $dev master jk-br0 up; done
ip link set jk-br0 up
for i in 1 2; do ip -n NS$i route add default via 172.16.1.1; done
echo 1 > /proc/sys/net/ipv4/ip_forward
ip tuntap add mode tun name tundudp
ip link set tundudp up
ip route add 172.16.0.0/24 dev tundudp
# what node-a sends to this node's own address goes on to NS1, from 172.16.0.2
iptables -t nat -A PREROUTING -s 192.168.0.16 -d 192.168.10.26 -p icmp -j DNAT --to-destination 172.16.1.2
iptables -t nat -A PREROUTING -s 192.168.0.16 -d 192.168.10.26 -p tcp --dport 8080 -j DNAT --to-destination 172.16.1.2
iptables -t nat -A POSTROUTING -s 192.168.0.16 -o jk-br0 -j SNAT --to-source 172.16.0.2
