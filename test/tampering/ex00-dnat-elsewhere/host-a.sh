ip addr add 10.99.0.1/24 dev eth0
ip route add 192.168.1.0/24 dev eth0
iptables -t nat -A OUTPUT -d 192.168.1.11 -j DNAT --to-destination 10.99.0.2
ip addr add 192.168.1.10/32 dev lo
sleep 0.3; ping -c 1 -W 1 192.168.1.11
