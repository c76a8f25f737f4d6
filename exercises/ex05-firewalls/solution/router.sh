# The router forwards already, but its FORWARD chain drops everything no rule accepts.
# Accept what goes from net1 (enp0s1) to net2 (enp0s2)...
sudo iptables -A FORWARD -i enp0s1 -o enp0s2 -s 192.168.150.0/24 -d 192.168.100.0/24 -j ACCEPT
# ...and what comes back the other way.
sudo iptables -A FORWARD -i enp0s2 -o enp0s1 -s 192.168.100.0/24 -d 192.168.150.0/24 -j ACCEPT
