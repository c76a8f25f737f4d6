# The same as the reference, written with iptables-legacy: the rules live in the legacy tables, which grade reads too.
# Connections from outside to port 8080 of this machine go to web's port 80 instead.
sudo iptables-legacy -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
# The gateway's own connections to 203.0.113.1:8080 skip PREROUTING: give them the same treatment in OUTPUT.
sudo iptables-legacy -t nat -A OUTPUT -d 203.0.113.1 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
