# sysctl -w changes the running kernel; a drop-in file under /etc/sysctl.d/ is read at every boot.
sudo sysctl -w net.ipv4.ip_forward=1
echo 'net.ipv4.ip_forward=1' > /etc/sysctl.d/99-router.conf
