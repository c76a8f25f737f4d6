# No DNAT. A transparent relay takes the client's connections to port 8080 and opens its own to web's
# port 80 FROM the client's own address and port, so web sees exactly what DNAT would show it.
ip rule add fwmark 1 lookup 100
ip route add local 0.0.0.0/0 dev lo table 100
# A copy of every packet the client sends to port 8080 goes to web's MAC (iptables TEE), so web's port
# sees the client's very SYN.
iptables -t mangle -A PREROUTING -i eth0 -p tcp -d 203.0.113.1 --dport 8080 -j TEE --gateway 10.0.0.2
# Client side: connections to 203.0.113.1:8080 go to the local relay.
iptables -t mangle -A PREROUTING -i eth0 -p tcp -d 203.0.113.1 --dport 8080 -j TPROXY --on-port 18080 --on-ip 127.0.0.1 --tproxy-mark 1
# Server side: web's answers to the client's address belong to the relay's transparent socket.
iptables -t mangle -A PREROUTING -i eth1 -p tcp -s 10.0.0.2 --sport 80 -j MARK --set-mark 1
iptables -t raw -A PREROUTING -i eth0 -j CT --zone 1
cat > /root/relay.sh <<'RELAY'
#!/bin/bash
exec socat - "TCP:10.0.0.2:80,bind=$SOCAT_PEERADDR:$SOCAT_PEERPORT,transparent"
RELAY
chmod +x /root/relay.sh
setsid socat TCP-LISTEN:18080,bind=127.0.0.1,fork,reuseaddr,transparent EXEC:/root/relay.sh </dev/null >/dev/null 2>&1 &
sleep 0.3
ss -Hltn | grep -q 127.0.0.1:18080 && echo "relay listening"
iptables -t mangle -S PREROUTING | grep -- '-j TEE'
