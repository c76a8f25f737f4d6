# Turn forwarding on now...
echo 1 > /proc/sys/net/ipv4/ip_forward
# ...and for every boot after this one.
echo 'net.ipv4.ip_forward = 1' | sudo tee -a /etc/sysctl.conf
