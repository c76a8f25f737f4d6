# db: a name only this machine needs. One line in the hosts file pairs the address with the name.
echo '192.168.1.11 db' >> /etc/hosts
# Everything else: ask the lab's DNS server.
echo 'nameserver 192.168.1.53' > /etc/resolv.conf
# /etc/nsswitch.conf already says "hosts: files dns": the hosts file is read first, so its db wins
# over the DNS server's stale record.
grep '^hosts:' /etc/nsswitch.conf
getent hosts db
getent hosts web.lab
