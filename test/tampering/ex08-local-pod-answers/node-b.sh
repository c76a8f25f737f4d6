for i in 1 2; do
  ip netns add NS$i
  ip link add veth${i}0 type veth peer name veth${i}1 netns NS$i
  ip -n NS$i addr add 172.16.1.$((i + 1))/24 dev veth${i}1
  ip -n NS$i link set veth${i}1 up
  ip -n NS$i link set lo up
done
ip link add jk-br0 type bridge
ip addr add 172.16.1.1/24 dev jk-br0
for dev in jk-br0 veth10 veth20; do ip link set $dev master jk-br0 2>/dev/null; ip link set $dev up; done
for i in 1 2; do ip -n NS$i route add default via 172.16.1.1; done
echo 1 > /proc/sys/net/ipv4/ip_forward
# node-a's pods, answered here
ip addr add 172.16.0.2/32 dev jk-br0
ip addr add 172.16.0.3/32 dev jk-br0
ip tuntap add mode tun name tundudp
ip link set tundudp up
ip route add 172.16.0.0/24 dev tundudp
ip netns exec NS1 ping -n -c 1 -W 1 172.16.0.2
