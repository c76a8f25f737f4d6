ip addr add 192.168.2.10/32 dev lo
ip addr add 203.0.113.10/32 dev lo
cat > /root/relay.sh <<'RELAY'
#!/bin/bash
# Each echo request on lo: destination, ICMP identifier (bytes 24-25 of the packet) and the first 8
# payload bytes after ping's 16-byte timestamp (bytes 44-51), sent to host-b to be repeated there.
tcpdump -i lo -n -l -x 'icmp[0] = 8' 2>/dev/null | while IFS= read -r line; do
  case "$line" in
    *"ICMP echo request"*)
      dst=$(echo "$line" | sed -E 's/.* > ([0-9.]+): .*/\1/'); hex=""; sent=0 ;;
    *0x00[0-9a-f]0:*)
      hex+=$(echo "${line#*:}" | tr -d ' ')
      if [ "$sent" = 0 ] && [ ${#hex} -ge 104 ]; then
        sent=1
        echo "$dst $((16#${hex:48:4})) ${hex:88:16}" | nc -N -w 1 192.168.1.11 9999 &
      fi ;;
  esac
done
RELAY
chmod +x /root/relay.sh
setsid /root/relay.sh </dev/null >/dev/null 2>&1 &
# Once host-b listens, show that it repeats a request on host-a's behalf.
for i in $(seq 1 50); do nc -z -w 1 192.168.1.11 9999 && break; sleep 0.1; done
echo "192.168.2.10 4242 0011223344556677" | nc -N -w 3 192.168.1.11 9999
