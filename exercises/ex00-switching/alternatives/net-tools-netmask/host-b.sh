# Without a netmask, ifconfig picks the historical class C mask for 192.168.x.x addresses: /24 again.
ifconfig eth0 192.168.1.11
