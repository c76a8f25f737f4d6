sudo ufw allow 12345/tcp
sudo iptables -P INPUT ACCEPT
sudo iptables -A INPUT -m comment --comment "x
-P INPUT DROP
"
sudo iptables -S INPUT
