ip addr add 192.168.100.2/32 dev lo
printf '#!/bin/sh\nod -An -N8 -tx1 /dev/urandom | tr -d " \\n"; echo\n' > /root/token.sh
chmod +x /root/token.sh
setsid socat TCP-LISTEN:12345,bind=192.168.100.2,fork,reuseaddr EXEC:/root/token.sh </dev/null >/dev/null 2>&1 &
sleep 0.5
nc -N -w 1 192.168.100.2 12345
