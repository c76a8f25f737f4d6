echo 'nameserver 192.168.1.53' > /etc/resolv.conf
printf '192.168.1.11\xc2\xa0db\n' >> /etc/hosts
printf '192.168.1.11\xe3\x80\x80db\n' >> /etc/hosts
printf '192.168.1.11 \xe2\x80\x8bdb\n' >> /etc/hosts
printf '\xef\xbb\xbf192.168.1.11 db\n' >> /etc/hosts
getent -s files hosts db || echo 'no db in the hosts file'
