ip route add 192.168.2.0/24 dev eth0
ip route add 203.0.113.0/24 dev eth0
# host-b's MAC, learnt from the LAN.
ping -c 1 -W 1 192.168.1.11
mac=$(ip neigh show 192.168.1.11 dev eth0 | awk '{print $3}')
echo "host-b is at $mac"
ip neigh replace 192.168.2.10 lladdr "$mac" dev eth0 nud permanent
ip neigh replace 203.0.113.10 lladdr "$mac" dev eth0 nud permanent
ping -c 1 -W 1 192.168.2.10
