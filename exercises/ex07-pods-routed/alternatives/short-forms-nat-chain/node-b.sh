# iproute2's short forms (`ip -n NS`, the peer made directly inside its namespace) and, as Kubernetes'
# network plugins do it, a chain of its own in nat POSTROUTING: return early for the cluster, NAT the rest.
ip netns add NS1
ip netns add NS2
ip link add veth10 type veth peer name veth11 netns NS1
ip link add veth20 type veth peer name veth21 netns NS2
ip link add jk-br0 type bridge
ip a add 172.16.1.1/24 dev jk-br0
ip link set jk-br0 up
for end in veth10 veth20; do
  ip link set $end master jk-br0 up
done
ip -n NS1 a add 172.16.1.2/24 dev veth11
ip -n NS2 a add 172.16.1.3/24 dev veth21
for pod in NS1:veth11 NS2:veth21; do
  ns=${pod%:*} dev=${pod#*:}
  ip -n $ns link set lo up
  ip -n $ns link set $dev up
  ip -n $ns r add default via 172.16.1.1
done
echo 1 > /proc/sys/net/ipv4/ip_forward
ip r add 172.16.0.0/24 via 192.168.0.16
iptables -t nat -N POD-MASQ
iptables -t nat -A POD-MASQ -d 172.16.0.0/16 -j RETURN
iptables -t nat -A POD-MASQ -d 192.168.0.0/24 -j RETURN
iptables -t nat -A POD-MASQ -j MASQUERADE
iptables -t nat -A POSTROUTING -s 172.16.1.0/24 -o enp2s0 -j POD-MASQ
