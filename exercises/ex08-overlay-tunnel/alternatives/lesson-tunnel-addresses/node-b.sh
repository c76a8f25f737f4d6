# The lesson's own tunnel addresses, 2.1.0.100/16 here and 1.1.0.100/16 on node-a: odd (they are public
# addresses, and the two ends share no subnet), but a tun device has no neighbours to look up, so any
# route into it works. The pods are built in a loop with iproute2's short forms.
i=1
for ns in NS1 NS2; do
  ip netns add $ns
  ip link add veth${i}0 type veth peer name veth${i}1
  ip link set veth${i}1 netns $ns
  ip -n $ns addr add 172.16.1.$((i + 1))/24 dev veth${i}1
  ip -n $ns link set veth${i}1 up
  ip -n $ns link set lo up
  i=$((i + 1))
done
brctl addbr jk-br0
brctl addif jk-br0 veth10
brctl addif jk-br0 veth20
ip addr add 172.16.1.1/24 dev jk-br0
for dev in jk-br0 veth10 veth20; do ip link set $dev up; done
for ns in NS1 NS2; do ip -n $ns route add default via 172.16.1.1; done
sysctl net.ipv4.ip_forward=1

NODE_IP=192.168.10.26
TO_NODE_IP=192.168.0.16
TUNNEL_IP=2.1.0.100
TO_TUNNEL_IP=1.1.0.100
sudo socat UDP:$TO_NODE_IP:9000,bind=$NODE_IP:9000, TUN:$TUNNEL_IP/16,tun-name=tundudp,iff-no-pi,tun-type=tun &
# socat makes tundudp a moment after it starts: wait for the device (5 s at most) rather than guess.
for try in $(seq 50); do ip link show tundudp >/dev/null 2>&1 && break; sleep 0.1; done
ip link set tundudp up
ip route add 172.16.0.0/24 dev tundudp
