# Insert at the top of FORWARD instead of appending, and match on the interfaces alone:
# enp0s1 only leads to net1 and enp0s2 only to net2, so the addresses add nothing.
sudo iptables -I FORWARD 1 -i enp0s1 -o enp0s2 -j ACCEPT
sudo iptables -I FORWARD 2 -i enp0s2 -o enp0s1 -j ACCEPT
sudo iptables -L FORWARD -n -v --line-numbers
