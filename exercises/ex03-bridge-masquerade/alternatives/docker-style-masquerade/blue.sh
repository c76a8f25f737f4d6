ip a add 192.168.15.3/24 dev eth0
ip r add default via 192.168.15.5
