sudo ufw allow 12345/tcp
