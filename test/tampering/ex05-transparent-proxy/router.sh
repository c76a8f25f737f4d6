ip rule add fwmark 1 lookup 100
ip route add local 0.0.0.0/0 dev lo table 100
# Client side: take network01's connections to 192.168.100.2:12345 without NAT.
iptables -t mangle -A PREROUTING -i enp0s1 -p tcp -d 192.168.100.2 --dport 12345 -j TPROXY --on-port 12346 --on-ip 127.0.0.1 --tproxy-mark 1
# Server side: network02's answers to 192.168.150.2 are for the local transparent socket.
iptables -t mangle -A PREROUTING -i enp0s2 -p tcp -s 192.168.100.2 --sport 12345 -j MARK --set-mark 1
# Keep the two halves apart in conntrack.
iptables -t raw -A PREROUTING -i enp0s1 -j CT --zone 1
cat > /root/relay.sh <<'RELAY'
#!/bin/bash
exec socat - "TCP:192.168.100.2:12345,bind=$SOCAT_PEERADDR:$SOCAT_PEERPORT,transparent"
RELAY
chmod +x /root/relay.sh
setsid socat TCP-LISTEN:12346,bind=127.0.0.1,fork,reuseaddr,transparent EXEC:/root/relay.sh </dev/null >/tmp/socat.log 2>&1 &
sleep 0.3
ss -Hltn
ss -Hltn | grep -q 127.0.0.1:12346 && echo "relay listening"
