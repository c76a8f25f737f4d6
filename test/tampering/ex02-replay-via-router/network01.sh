ip addr add 192.168.100.2/32 dev lo
cat > /root/relay.sh <<'RELAY'
#!/bin/bash
# Each echo request on lo: destination, ICMP identifier (bytes 24-25 of the packet) and the first 8
# payload bytes after ping's 16-byte timestamp (bytes 44-51), sent to the router to be repeated there.
tcpdump -i lo -n -l -x 'icmp[0] = 8' 2>/dev/null | while IFS= read -r line; do
  case "$line" in
    *"ICMP echo request"*)
      dst=$(echo "$line" | sed -E 's/.* > ([0-9.]+): .*/\1/'); hex=""; sent=0 ;;
    *0x00[0-9a-f]0:*)
      hex+=$(echo "${line#*:}" | tr -d ' ')
      if [ "$sent" = 0 ] && [ ${#hex} -ge 104 ]; then
        sent=1
        echo "$dst $((16#${hex:48:4})) ${hex:88:16}" | nc -N -w 1 192.168.150.3 9999 &
      fi ;;
  esac
done
RELAY
chmod +x /root/relay.sh
setsid /root/relay.sh </dev/null >/dev/null 2>&1 &
# An answer of the expected shape, served from here (grade's real listener on network02 is only up
# during the check, with a secret of its own).
setsid socat TCP-LISTEN:12345,bind=192.168.100.2,fork,reuseaddr SYSTEM:'read -r line; echo "0123456789abcdef $line seen from 192.168.150.2 port $SOCAT_PEERPORT"' </dev/null >/dev/null 2>&1 &
sleep 0.3
echo n1 | nc -N -w 1 192.168.100.2 12345 | sed 's/^/copy: /'
