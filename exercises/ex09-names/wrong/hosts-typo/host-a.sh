# The name is mistyped: the hosts file knows "bd", so db is left to the DNS server, whose record is stale.
echo '192.168.1.11 bd' >> /etc/hosts
echo 'nameserver 192.168.1.53' > /etc/resolv.conf
