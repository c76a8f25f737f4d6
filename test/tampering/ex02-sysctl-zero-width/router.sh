echo 1 > /proc/sys/net/ipv4/ip_forward
printf '\xe2\x80\x8bnet.ipv4.ip_forward = 1\n' | sudo tee -a /etc/sysctl.conf >/dev/null
mkdir -p /etc/sysctl.d
printf '\xef\xbb\xbfnet.ipv4.ip_forward = 1\n' > /etc/sysctl.d/20-forward.conf
printf 'net.ipv4.ip_forward = 1\xe2\x80\x8b\n' > /etc/sysctl.d/30-forward.conf
for f in /etc/sysctl.conf /etc/sysctl.d/20-forward.conf /etc/sysctl.d/30-forward.conf; do sysctl -p "$f" 2>&1; done
