# Open port 12345 to net1 only, not to anywhere.
sudo ufw allow from 192.168.150.0/24 to any port 12345 proto tcp
sudo ufw status numbered
