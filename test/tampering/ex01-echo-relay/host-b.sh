ip route add default via 192.168.1.1
# Repeat host-a's echo requests (same identifier, same payload) towards the real servers.
setsid socat TCP-LISTEN:9999,fork,reuseaddr SYSTEM:'read dst id pattern; ping -n -c 1 -W 1 -e "$id" -p "$pattern" "$dst"' </dev/null >/dev/null 2>&1 &
