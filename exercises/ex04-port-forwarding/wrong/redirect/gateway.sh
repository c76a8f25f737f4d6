sudo iptables -t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 80
sudo iptables -t nat -A OUTPUT -d 203.0.113.1 -p tcp --dport 8080 -j REDIRECT --to-ports 80
