ip route add {{wan}} via {{addr lan gw}}
