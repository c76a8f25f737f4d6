# The same default gateway with net-tools and sudo, as many tutorials write it.
sudo route add default gw {{addr lan gw}}
