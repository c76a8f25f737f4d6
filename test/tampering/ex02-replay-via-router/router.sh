# Repeat the ends' echo requests (same identifier, same payload) on the far end's own segment.
setsid socat TCP-LISTEN:9999,fork,reuseaddr SYSTEM:'read dst id pattern; ping -n -c 1 -W 1 -e "$id" -p "$pattern" "$dst"' </dev/null >/dev/null 2>&1 &
# network02 is on the router's own segment: read its answer once, and offer a copy to network01.
token=""
for i in $(seq 1 50); do token=$(nc -N -w 1 192.168.100.2 12345) && [ -n "$token" ] && break; sleep 0.1; done
echo "read: $token"
setsid socat TCP-LISTEN:9000,bind=192.168.150.3,fork,reuseaddr SYSTEM:"echo $token" </dev/null >/dev/null 2>&1 &
