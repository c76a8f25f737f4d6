# Debian and Ubuntu ship the line commented out in /etc/sysctl.conf: uncomment it, then load the file.
sed -i 's/^#\s*net\.ipv4\.ip_forward\s*=\s*1/net.ipv4.ip_forward=1/' /etc/sysctl.conf
sysctl -p
