# The bridge: a virtual switch inside host.
sudo ip link add v-net-0 type bridge
sudo ip link set dev v-net-0 up
# Plug host's end of each veth pair into it.
sudo ip link set veth-red-br master v-net-0
sudo ip link set veth-blue-br master v-net-0
# host's own address on the 192.168.15.0/24 segment, the gateway of red and blue.
sudo ip addr add 192.168.15.5/24 dev v-net-0
# Route between the bridge and the LAN...
echo 1 > /proc/sys/net/ipv4/ip_forward
# ...and hide the private segment behind host's LAN address.
# The same NAT, written in nft's own language, in a table of its own.
sudo nft add table ip nat
sudo nft add chain ip nat postrouting '{ type nat hook postrouting priority srcnat; policy accept; }'
sudo nft add rule ip nat postrouting ip saddr 192.168.15.0/24 masquerade
