# The firewall moved to iptables-legacy: its FORWARD chain drops what its rules do not accept, and the
# nft chain, where the lab put policy DROP, lets everything on to it.
sudo iptables-legacy -P FORWARD DROP
sudo iptables-legacy -A FORWARD -i enp0s1 -o enp0s2 -s 192.168.150.0/24 -d 192.168.100.0/24 -j ACCEPT
sudo iptables-legacy -A FORWARD -i enp0s2 -o enp0s1 -s 192.168.100.0/24 -d 192.168.150.0/24 -j ACCEPT
sudo iptables -P FORWARD ACCEPT
