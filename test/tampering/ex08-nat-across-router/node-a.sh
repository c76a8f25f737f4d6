for i in 1 2; do
  ip netns add NS$i
  ip link add veth${i}0 type veth peer name veth${i}1 netns NS$i
  ip -n NS$i addr add 172.16.0.$((i + 1))/24 dev veth${i}1
  ip -n NS$i link set veth${i}1 up
  ip -n NS$i link set lo up
done
ip link add jk-br0 type bridge
ip addr add 172.16.0.1/24 dev jk-br0
for dev in veth10 veth20; do ip link set $dev master jk-br0 up; done
ip link set jk-br0 up
for i in 1 2; do ip -n NS$i route add default via 172.16.0.1; done
echo 1 > /proc/sys/net/ipv4/ip_forward
ip tuntap add mode tun name tundudp
ip link set tundudp up
ip route add 172.16.1.0/24 dev tundudp
# NS1 -> 172.16.1.2 leaves as 192.168.0.16 -> 192.168.10.26, which the router forwards
iptables -t nat -A PREROUTING -s 172.16.0.2 -d 172.16.1.2 -j DNAT --to-destination 192.168.10.26
iptables -t nat -A POSTROUTING -s 172.16.0.0/24 -o enp2s0 -j MASQUERADE
# node-b lets the trick through in the other direction too, so wait for it before trying
sleep 3
ip netns exec NS1 ping -n -c 1 -W 2 172.16.1.2
