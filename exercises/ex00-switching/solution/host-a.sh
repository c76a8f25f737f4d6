# The lesson's command: an address and the size of its network (/24), on the interface cabled to the switch.
ip addr add 192.168.1.10/24 dev eth0
