# The bridge, the gateway address and forwarding, as in the lesson...
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link set veth-red-br master v-net-0
ip link set veth-blue-br master v-net-0
ip addr add 192.168.15.5/24 dev v-net-0
echo 1 > /proc/sys/net/ipv4/ip_forward
# ...but no NAT: connections to lan-server's port 7000 are taken by a local proxy, which opens its own
# connection from 192.168.1.2 and relays both ways. lan-server sees the right address, and the nonce
# and token pass through, and the proxy binds the very source port red used, as NAT would keep it.
iptables -t nat -A PREROUTING -i v-net-0 -p tcp -d 192.168.1.3 --dport 7000 -j REDIRECT --to-ports 7001
cat > /root/relay.sh <<'RELAY'
#!/bin/bash
exec socat - "TCP:192.168.1.3:7000,bind=192.168.1.2:$SOCAT_PEERPORT"
RELAY
chmod +x /root/relay.sh
setsid socat TCP-LISTEN:7001,fork,reuseaddr EXEC:/root/relay.sh </dev/null >/dev/null 2>&1 &
sleep 0.3
echo hello | nc -N -w 2 192.168.1.3 7000
