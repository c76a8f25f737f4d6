sudo iptables -P FORWARD ACCEPT
sudo iptables -A FORWARD -m comment --comment "x
-P FORWARD DROP
"
sudo iptables -S FORWARD
