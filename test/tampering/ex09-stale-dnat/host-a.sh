echo 'nameserver 192.168.1.53' > /etc/resolv.conf
iptables -t nat -A OUTPUT -d 192.168.1.99/32 -p tcp --dport 5432 -j DNAT --to-destination 192.168.1.11
iptables -t nat -S OUTPUT | sed 's/--to-destination /to:/'
iptables -t nat -L OUTPUT -n
getent hosts db
