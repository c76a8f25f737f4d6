# A name server on host-a itself, with its own answers.
setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --user=root \
  --listen-address=127.0.0.1 --bind-interfaces --address=/web.lab/192.168.1.20 --host-record=db,192.168.1.11 \
  </dev/null >/dev/null 2>&1 &
echo 'nameserver 127.0.0.1' > /etc/resolv.conf
sleep 0.5
getent hosts web.lab
getent hosts db
