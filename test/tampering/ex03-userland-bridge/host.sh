# No bridge at all: a userland program joins host's two -br ends, copying every frame from one to the
# other through packet sockets. red and blue then reach each other, and each other's own replies come
# back, but nothing of host's kernel carries them.
ip link set veth-red-br up
ip link set veth-blue-br up
cat > /root/bridge.py <<'PY'
import select, socket
ends = {}
for name in ("veth-red-br", "veth-blue-br"):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))  # ETH_P_ALL
    s.bind((name, 0))
    ends[s] = name
other = {a: b for a in ends for b in ends if a is not b}
print("bridging", flush=True)
while True:
    for s in select.select(list(ends), [], [])[0]:
        frame, addr = s.recvfrom(65535)
        # Frames this program sent itself come back as outgoing: copying those would loop forever.
        if addr[2] != socket.PACKET_OUTGOING:
            other[s].send(frame)
PY
setsid python3 -u /root/bridge.py </dev/null >/root/bridge.log 2>&1 &
for i in $(seq 100); do grep -q bridging /root/bridge.log && break; sleep 0.1; done
cat /root/bridge.log
