# Connections from outside to port 8080 of this machine go to web's port 80 instead.
sudo iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
