# The bridge and the gateway address, as in the lesson; ip_forward stays 0 and there is no NAT.
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link set veth-red-br master v-net-0
ip link set veth-blue-br master v-net-0
ip addr add 192.168.15.5/24 dev v-net-0
# A copy of each packet for lan-server goes to lan-server itself (iptables TEE), so its port sees the
# echo requests; and a raw socket on host answers them in lan-server's name: an echo reply from
# 192.168.1.3, with the request's identifier, sequence number and data, sent back to the pinger.
iptables -t mangle -A PREROUTING -i v-net-0 -d 192.168.1.3 -j TEE --gateway 192.168.1.3
cat > /root/answer.py <<'PY'
import socket, struct
def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xFFFF)
    return ~(s + (s >> 16)) & 0xFFFF
sniff = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
sniff.bind(("v-net-0", 0))
send = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
print("answering", flush=True)
while True:
    frame, addr = sniff.recvfrom(65535)
    ip = frame[14:]
    ihl = (ip[0] & 15) * 4
    if addr[2] == socket.PACKET_OUTGOING or ip[9] != 1 or ip[16:20] != socket.inet_aton("192.168.1.3") or ip[ihl] != 8:
        continue
    icmp = bytearray(ip[ihl:])
    icmp[0] = 0
    icmp[2:4] = b"\0\0"
    icmp[2:4] = struct.pack("!H", checksum(bytes(icmp)))
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(icmp), 4242, 0, 64, 1, 0, ip[16:20], ip[12:16])
    send.sendto(header + bytes(icmp), (socket.inet_ntoa(ip[12:16]), 0))
PY
setsid python3 -u /root/answer.py </dev/null >/root/answer.log 2>&1 &
for i in $(seq 100); do grep -q answering /root/answer.log && break; sleep 0.1; done
cat /root/answer.log
