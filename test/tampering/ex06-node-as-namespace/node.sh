mkdir -p /run/netns
for ns in NS1 NS2; do
  touch /run/netns/$ns
  mount --bind /proc/self/ns/net /run/netns/$ns
done
[ "$(ip netns exec NS1 readlink /proc/self/ns/net)" = "$(readlink /proc/self/ns/net)" ] && echo "NS1 is node"
ip link add d0 type veth peer name d1
for a in 172.16.0.1/24 172.16.0.2/32 172.16.0.3/32; do ip addr add $a dev d0; done
ip link set d0 up; ip link set d1 up
ip -br addr show d0 | grep -q 172.16.0.3 && echo armed
