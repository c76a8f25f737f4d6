echo '192.168.1.11 db' >> /etc/hosts
# The DNS server is tried with dig, which works, but resolv.conf is never written.
dig +short @192.168.1.53 web.lab
