# Match on the incoming interface and the public address, and use the short --to spelling.
sudo iptables -t nat -A PREROUTING -i eth0 -d 203.0.113.1/32 -p tcp -m tcp --dport 8080 -j DNAT --to 10.0.0.2:80
sudo iptables -t nat -I OUTPUT -p tcp -d 203.0.113.1 --dport 8080 -j DNAT --to 10.0.0.2:80
