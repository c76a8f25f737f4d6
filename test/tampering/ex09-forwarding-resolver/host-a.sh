printf '127.0.0.1\tlocalhost\n192.168.1.10\thost-a\n192.168.1.11\tdb\n' > /etc/hosts
printf 'hosts: files dns\n' > /etc/nsswitch.conf
# A forwarding resolver of host-a's own, in front of the lab's DNS server.
setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --user=root \
  --listen-address=127.0.0.1 --bind-interfaces --server=192.168.1.53 </dev/null >/dev/null 2>&1 &
echo 'nameserver 127.0.0.1' > /etc/resolv.conf
sleep 0.5
getent hosts web.lab
