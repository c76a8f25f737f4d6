# Allow the port only on the interface that faces the router.
sudo ufw allow in on enp0s1 to any port 12345 proto tcp
