# Without /tcp ufw opens the port for both tcp and udp; the tcp half is what counts here.
ufw allow 12345
ufw status verbose
