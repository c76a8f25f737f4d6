# Both names go into the hosts file; the DNS server is never used.
printf '192.168.1.11 db\n192.168.1.20 web.lab\n' >> /etc/hosts
