ip addr add 192.168.1.10/32 dev lo
ip addr add 192.168.1.11/32 dev lo
ping -c 1 -W 1 192.168.1.11
