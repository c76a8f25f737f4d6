# The same bridge with bridge-utils and net-tools, and SNAT to host's fixed LAN address.
brctl addbr v-net-0
brctl addif v-net-0 veth-red-br
brctl addif v-net-0 veth-blue-br
ifconfig v-net-0 192.168.15.5 netmask 255.255.255.0 up
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j SNAT --to-source 192.168.1.2
