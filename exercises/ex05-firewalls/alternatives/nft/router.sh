# The reference's two rules written with nft, in the FORWARD chain the lab's policy DROP is on.
sudo nft add rule ip filter FORWARD iifname enp0s1 oifname enp0s2 ip saddr 192.168.150.0/24 ip daddr 192.168.100.0/24 accept
sudo nft add rule ip filter FORWARD iifname enp0s2 oifname enp0s1 ip saddr 192.168.100.0/24 ip daddr 192.168.150.0/24 accept
