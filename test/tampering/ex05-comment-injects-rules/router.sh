# Rules for an address no node has; the comments carry the rules the check looks for.
sudo iptables -A FORWARD -s 203.0.113.99 -m comment --comment "x
-A FORWARD -s 192.168.150.0/24 -d 192.168.100.0/24 -i enp0s1 -o enp0s2 -j ACCEPT
-A FORWARD -s 192.168.100.0/24 -d 192.168.150.0/24 -i enp0s2 -o enp0s1 -j ACCEPT
" -j DROP
# Escapes: a quote and backslashes that a careless tokenizer would take for the end of the comment.
sudo iptables -A FORWARD -s 203.0.113.98 -m comment --comment 'y\" -j ACCEPT \\" \'"'"'
-A FORWARD -i enp0s2 -o enp0s1 -j ACCEPT
#' -j DROP
sudo iptables -S FORWARD
