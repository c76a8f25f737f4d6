sudo ip route add 10.0.0.0/24 via 203.0.113.1
curl -s http://10.0.0.2/
