ip addr add 192.168.15.2/24 dev eth0
ip link set eth0 up
ip route add 192.168.1.0/24 dev eth0
iptables -t nat -A OUTPUT -d 192.168.1.3 -p tcp --dport 7000 -j DNAT --to-destination 127.0.0.1:7000
printf '#!/bin/sh\necho "$(od -An -N8 -tx1 /dev/urandom | tr -d " \\n") seen from 192.168.1.2 port 40000"\n' > /root/answer.sh
chmod +x /root/answer.sh
setsid socat TCP-LISTEN:7000,bind=127.0.0.1,fork,reuseaddr EXEC:/root/answer.sh </dev/null >/dev/null 2>&1 &
sleep 0.5
nc -N -w 1 192.168.1.3 7000
