# The DNS server's address, on host-a itself: packets for it never leave the machine.
ip addr add 192.168.1.53/32 dev lo
setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --user=root \
  --listen-address=192.168.1.53 --bind-interfaces --address=/web.lab/192.168.1.20 --host-record=db,192.168.1.11 \
  </dev/null >/dev/null 2>&1 &
echo 'nameserver 192.168.1.53' > /etc/resolv.conf
sleep 0.5
getent hosts web.lab
getent hosts db
