sudo iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:8080
sudo iptables -t nat -A OUTPUT -d 203.0.113.1 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:8080
