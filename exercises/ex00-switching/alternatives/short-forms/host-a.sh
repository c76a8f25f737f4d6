# iproute2 accepts abbreviations: `ip a` is `ip address`; `ip link` brings the interface up (it already is).
ip link set dev eth0 up
ip a add 192.168.1.10/24 dev eth0
