# No pods: NS1 and NS2 exist but stay empty, and node-b holds its pods' addresses itself, with a listener
# of its own on 172.16.1.3:7000 that answers "seen from" the address it sees.
ip netns add NS1
ip netns add NS2
ip -n NS1 link set lo up
ip -n NS2 link set lo up
ip link add pods0 type veth peer name pods1
for a in 172.16.1.1/24 172.16.1.2/24 172.16.1.3/24; do ip addr add $a dev pods0; done
ip link set pods0 up
ip link set pods1 up
sysctl -w net.ipv4.ip_forward=1
ip route add 172.16.0.0/24 via 192.168.0.16 dev enp2s0
iptables -t nat -A POSTROUTING -s 172.16.1.0/24 -d 192.168.0.0/24 -j RETURN
iptables -t nat -A POSTROUTING -s 172.16.1.0/24 ! -d 172.16.0.0/16 -o enp2s0 -j MASQUERADE
setsid socat TCP-LISTEN:7000,bind=172.16.1.3,fork,reuseaddr SYSTEM:'read -r l; echo "$l seen from $SOCAT_PEERADDR port $SOCAT_PEERPORT"' </dev/null >/dev/null 2>&1 &
sleep 0.5
ip -br addr show pods0 | grep -q '172.16.1.3/24' && echo armed
echo probe | nc -N -w 1 172.16.1.3 7000
