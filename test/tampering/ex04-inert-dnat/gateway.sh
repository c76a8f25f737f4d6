sudo iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -m conntrack --ctstate INVALID -j DNAT --to-destination 10.0.0.2:80
