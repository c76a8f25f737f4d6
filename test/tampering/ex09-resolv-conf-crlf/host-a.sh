echo '192.168.1.11 db' >> /etc/hosts
printf 'nameserver 192.168.1.53\r\n' > /etc/resolv.conf
od -c /etc/resolv.conf | head -2
sed -n l /etc/resolv.conf | sed 's/\$$//'
getent hosts web.lab || echo 'web.lab does not resolve'
