ip route add default via {{addr lan gw}}
