sudo ufw allow 12345/tcp
# Left running in the background after trying telnet from network01.
nc -l 12345 &
