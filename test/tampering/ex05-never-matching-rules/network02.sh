sudo ufw allow in on lo to any port 12345 proto tcp
