printf '127.0.0.1\tlocalhost\n192.168.1.10\thost-a\n192.168.1.11\tdb\n' > /etc/hosts
printf 'hosts: files dns\n' > /etc/nsswitch.conf
echo 'nameserver 192.168.1.53' > /etc/resolv.conf
# A resolver of host-a's own, with its own answer.
setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --user=root --port=5353 \
  --listen-address=192.168.1.10 --bind-interfaces --address=/web.lab/192.168.1.20 </dev/null >/dev/null 2>&1 &
# A copy of each query to the real server (before the DNAT: mangle comes first), the query itself to ours.
iptables -t mangle -A OUTPUT -p udp -d 192.168.1.53 --dport 53 -j TEE --gateway 192.168.1.53
iptables -t nat -A OUTPUT -p udp -d 192.168.1.53 --dport 53 -j DNAT --to-destination 192.168.1.10:5353
iptables -t nat -S OUTPUT | grep DNAT; iptables -t nat -L OUTPUT -n | grep DNAT
sleep 0.5
getent hosts web.lab
