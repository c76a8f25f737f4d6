# The stateful way, loaded in one go: replies of connections the router has already let through pass
# by conntrack, and new traffic is accepted per direction (TCP and pings from net1, pings from net2).
# --noflush keeps the policy and whatever is already there.
iptables-restore --noflush <<'RULES'
*filter
-A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
-A FORWARD -i enp0s1 -o enp0s2 -s 192.168.150.0/24 -d 192.168.100.0/24 -m conntrack --ctstate NEW -j ACCEPT
-A FORWARD -i enp0s2 -o enp0s1 -s 192.168.100.0/24 -d 192.168.150.0/24 -p icmp -j ACCEPT
COMMIT
RULES
iptables-save -t filter
