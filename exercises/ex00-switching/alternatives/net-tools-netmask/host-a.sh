# The older net-tools command, with the netmask spelt out: 255.255.255.0 is /24.
sudo ifconfig eth0 192.168.1.10 netmask 255.255.255.0 up
