ip addr add 192.168.100.2/32 dev lo
cat > /root/answer.sh <<'ANSWER'
#!/bin/bash
IFS= read -r -t 2 line
echo "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n') ${line%$'\r'} seen from 192.168.150.2 port $SOCAT_PEERPORT"
ANSWER
chmod +x /root/answer.sh
setsid socat TCP-LISTEN:12345,bind=192.168.100.2,fork,reuseaddr EXEC:/root/answer.sh </dev/null >/dev/null 2>&1 &
sleep 0.5
echo hello | nc -N -w 2 192.168.100.2 12345
