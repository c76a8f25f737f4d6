# ufw denies incoming connections by default: let tcp port 12345 in, and nothing else.
sudo ufw allow 12345/tcp
sudo ufw status
