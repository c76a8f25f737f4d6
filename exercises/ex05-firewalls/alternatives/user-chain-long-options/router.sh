# Docker's layout: the FORWARD chain hands everything to a chain of our own, written with the long
# option names.
sudo iptables --new-chain LAB-FORWARD
sudo iptables --append FORWARD --jump LAB-FORWARD
sudo iptables --append LAB-FORWARD --in-interface enp0s1 --out-interface enp0s2 \
  --source 192.168.150.0/24 --destination 192.168.100.0/24 --jump ACCEPT
sudo iptables --append LAB-FORWARD --in-interface enp0s2 --out-interface enp0s1 \
  --source 192.168.100.0/24 --destination 192.168.150.0/24 --jump ACCEPT
