ip netns add NS1
touch /run/netns/NS2
mount --bind /run/netns/NS1 /run/netns/NS2
[ "$(ip netns exec NS2 readlink /proc/self/ns/net)" = "$(ip netns exec NS1 readlink /proc/self/ns/net)" ] && echo "NS2 is NS1"
ip -n NS1 link set lo up
ip -n NS1 link add d0 type veth peer name d1
for a in 172.16.0.2/24 172.16.0.3/24 172.16.0.1/24 192.168.0.26/24; do ip -n NS1 addr add $a dev d0; done
ip -n NS1 link set d0 up; ip -n NS1 link set d1 up
ip netns exec NS1 setsid socat TCP-LISTEN:7000,bind=192.168.0.26,fork,reuseaddr SYSTEM:'echo "seen from 192.168.0.16 port 40000"' </dev/null >/dev/null 2>&1 &
sleep 0.5
ip netns exec NS1 nc -N -w 1 192.168.0.26 7000
