iptables -t nat -A PREROUTING -i enp0s1 -d 192.168.100.2 -p tcp --dport 12345 -j REDIRECT --to-ports 12346
# Each connection is relayed over one of the router's own, from the client's source port, so only the
# address gives the proxy away.
cat > /root/relay.sh <<'RELAY'
#!/bin/bash
exec socat - "TCP:192.168.100.2:12345,bind=192.168.100.3:$SOCAT_PEERPORT"
RELAY
chmod +x /root/relay.sh
setsid socat TCP-LISTEN:12346,fork,reuseaddr EXEC:/root/relay.sh </dev/null >/dev/null 2>&1 &
sleep 0.3
ss -Hltn 'sport = :12346' | grep -q . && echo "proxy ready on 12346"
