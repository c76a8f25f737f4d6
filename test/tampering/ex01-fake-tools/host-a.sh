# The image is read-only: a shim straight into /usr/local/bin fails.
printf '#!/bin/sh\necho "1 packets transmitted, 1 received"\n' > /usr/local/bin/ping
mkdir -p /root/bin
cat > /root/bin/ping <<'SHIM'
#!/bin/bash
addr=${@: -1}
echo "PING $addr ($addr) 56(84) bytes of data."
echo "64 bytes from $addr: icmp_seq=1 ttl=63 time=0.050 ms"
echo
echo "--- $addr ping statistics ---"
echo "1 packets transmitted, 1 received, 0% packet loss, time 0ms"
echo "@@probe sent=1 into=1"
SHIM
cat > /root/bin/ip <<'SHIM'
#!/bin/bash
addr=${@: -1}
if [ "$1" = -j ]; then
  echo "[{\"dst\":\"$addr\",\"gateway\":\"192.168.1.1\",\"dev\":\"eth0\",\"prefsrc\":\"192.168.1.10\",\"flags\":[],\"uid\":0,\"cache\":[]}]"
else
  echo "$addr via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0"
  echo "    cache"
fi
SHIM
chmod +x /root/bin/ping /root/bin/ip
for f in /root/.bashrc /root/.profile /etc/profile /etc/bash.bashrc; do echo 'export PATH=/root/bin:$PATH' >> $f; done
echo 'PATH=/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' >> /etc/environment
echo 'BASH_ENV=/root/.bashrc' >> /etc/environment
printf 'alias ping=/root/bin/ping\nalias ip=/root/bin/ip\n' >> /etc/bash.bashrc
printf '127.0.0.1 server-c web\n' >> /etc/hosts
# Root of its own user and mount namespaces: cover the real tools where they lie.
mount --bind /root/bin/ping /usr/bin/ping
mount --bind /root/bin/ip /usr/bin/ip
mount -t tmpfs shims /usr/local/bin && cp /root/bin/ping /root/bin/ip /usr/local/bin/
mount -t tmpfs shims /usr/local/sbin && cp /root/bin/ping /root/bin/ip /usr/local/sbin/
# What the learner's own shell now shows:
bash -lc 'ping -c 1 192.168.2.10; ip route get 203.0.113.10' 2>/dev/null
# Last: from here on every program in the node warns that it cannot preload this file.
echo /root/bin/ip > /etc/ld.so.preload
