ip route add default via {{addr lan typo}}
