# Repeat the ends' echo requests (same identifier, same payload) on the far end's own segment.
setsid socat TCP-LISTEN:9999,fork,reuseaddr SYSTEM:'read dst id pattern; ping -n -c 1 -W 1 -e "$id" -p "$pattern" "$dst"' </dev/null >/dev/null 2>&1 &
sleep 0.3
ss -Hltn | grep -q ':9999 ' && echo "replay relay listening"
