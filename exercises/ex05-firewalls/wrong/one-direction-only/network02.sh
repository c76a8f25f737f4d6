# ufw denies incoming connections by default: let tcp port 12345 in.
sudo ufw allow 12345/tcp
