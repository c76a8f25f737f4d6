# Edit the files in place: the db entry goes right after host-a's own line.
sed -i '/host-a$/a 192.168.1.11\tdb' /etc/hosts
printf '# the lab'"'"'s DNS server\nnameserver 192.168.1.53\noptions timeout:2\n' > /etc/resolv.conf
# Spell out what Debian already has: the hosts file first, then DNS.
sed -i 's/^hosts:.*/hosts: files dns/' /etc/nsswitch.conf
cat /etc/hosts /etc/resolv.conf
