cat > /root/answer.sh <<'ANSWER'
#!/bin/bash
IFS= read -r -t 2 line
echo "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n') ${line%$'\r'} seen from 192.168.150.2 port $SOCAT_PEERPORT"
ANSWER
chmod +x /root/answer.sh
setsid socat TCP-LISTEN:2345,bind=127.0.0.1,fork,reuseaddr EXEC:/root/answer.sh </dev/null >/dev/null 2>&1 &
iptables -t nat -A OUTPUT -d 192.168.100.2 -p tcp --dport 12345 -j DNAT --to-destination 127.0.0.1:2345
sleep 0.5
echo hello | nc -N -w 2 192.168.100.2 12345
