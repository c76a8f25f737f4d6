# The prefix may also be written as a dotted netmask.
ip address add 192.168.1.11/255.255.255.0 broadcast + dev eth0
