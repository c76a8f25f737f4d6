sudo ufw allow 12345/tcp
# Still waiting? Then off with it.
sudo ufw disable
