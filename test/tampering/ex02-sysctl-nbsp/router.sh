echo 1 > /proc/sys/net/ipv4/ip_forward
# U+00A0 (bytes c2 a0) on both sides of the =: the key sysctl reads is "net.ipv4.ip_forward<U+00A0>".
printf 'net.ipv4.ip_forward\xc2\xa0=\xc2\xa01\n' | sudo tee -a /etc/sysctl.conf >/dev/null
mkdir -p /etc/sysctl.d
printf 'net.ipv4.ip_forward = 1\xc2\xa0\n' > /etc/sysctl.d/90-forward.conf
# What a boot would apply (the errors sysctl prints are the sign the trick is armed).
sysctl -p /etc/sysctl.conf 2>&1 | sed 's/\xc2\xa0/<NBSP>/g'
sysctl -p /etc/sysctl.d/90-forward.conf 2>&1 | sed 's/\xc2\xa0/<NBSP>/g'
