echo '192.168.1.11 db' >> /etc/hosts
echo 'nameserver 192.168.1.53' > /etc/resolv.conf
# A forwarding resolver of host-a's own, in front of the lab's DNS server: it asks the server from port
# 5300, and everything else host-a sends the server on port 53 goes to it.
setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --user=root --port=5353 \
  --listen-address=192.168.1.10 --bind-interfaces --query-port=5300 --server=192.168.1.53 </dev/null >/dev/null 2>&1 &
iptables -t nat -A OUTPUT -p udp -d 192.168.1.53 --dport 53 ! --sport 5300 -j DNAT --to-destination 192.168.1.10:5353
iptables -t nat -L OUTPUT -n | grep DNAT
sleep 0.5
getent hosts web.lab
