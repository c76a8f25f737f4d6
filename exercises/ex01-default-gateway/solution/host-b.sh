# One default route covers every network host-b has no specific route for.
ip route add default via {{addr lan gw}}
