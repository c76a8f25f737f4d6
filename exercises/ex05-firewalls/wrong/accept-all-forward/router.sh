sudo iptables -A FORWARD -j ACCEPT
