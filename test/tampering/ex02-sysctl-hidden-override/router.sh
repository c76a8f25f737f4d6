mkdir -p /etc/sysctl.d
echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/10-forward.conf
for i in $(seq 1 1000); do echo "# a long note about this router's configuration, line $i of 1000 ......"; done > /etc/sysctl.conf
echo 'net.ipv4.ip_forward = 0' >> /etc/sysctl.conf
wc -c /etc/sysctl.conf
# What a boot applies, then forwarding back on for now.
sysctl --system 2>/dev/null | grep ip_forward
cat /proc/sys/net/ipv4/ip_forward
echo 1 > /proc/sys/net/ipv4/ip_forward
