sudo ip route add 0.0.0.0/0 via {{addr lan gw}} dev eth0
