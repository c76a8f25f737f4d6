# The reference's port forward written in nft's own language, in a table of its own.
sudo nft add table ip portfw
sudo nft add chain ip portfw prerouting '{ type nat hook prerouting priority dstnat; }'
sudo nft add rule ip portfw prerouting tcp dport 8080 dnat to 10.0.0.2:80
# The gateway's own connections to 203.0.113.1:8080 skip prerouting: the output hook takes them.
sudo nft add chain ip portfw output '{ type nat hook output priority -100; }'
sudo nft add rule ip portfw output ip daddr 203.0.113.1 tcp dport 8080 dnat to 10.0.0.2:80
