# Docker's layout: one chain of published ports, entered for every packet addressed to this machine,
# from outside (PREROUTING) and from the gateway itself (OUTPUT).
iptables -t nat -N PUBLISH
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j PUBLISH
iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j PUBLISH
iptables -t nat -A PUBLISH ! -i eth1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.0.0.2:80
