# eth0 is up but holds no address: host-b answers its pings to host-a itself, from its loopback...
ip link set eth0 up
ip addr add 192.168.1.10/32 dev lo
ip addr add 192.168.1.11/32 dev lo
# ...and a packet socket floods a copy of each echo request crossing lo out of eth0, to the broadcast
# MAC: the request leaves host-b and reaches host-a's port, and host-a's kernel takes it.
cat > /root/flood.py <<'PY'
import socket
src = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
src.bind(("lo", 0))
out = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
out.bind(("eth0", 0))
mac = bytes.fromhex(open("/sys/class/net/eth0/address").read().strip().replace(":", ""))
print("flooding", flush=True)
while True:
    frame, addr = src.recvfrom(65535)
    # Only echo requests (IP protocol 1, ICMP type 8).
    if frame[23] == 1 and frame[14 + (frame[14] & 15) * 4] == 8:
        out.send(b"\xff" * 6 + mac + frame[12:])
PY
setsid python3 -u /root/flood.py </dev/null >/root/flood.log 2>&1 &
for i in $(seq 100); do grep -q flooding /root/flood.log && break; sleep 0.1; done
cat /root/flood.log
ping -c 1 -W 1 192.168.1.10
