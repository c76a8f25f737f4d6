# With sudo and tee, as on a machine where you are not root.
echo "192.168.1.11    db db.lab" | sudo tee -a /etc/hosts
# A search domain as well: "web" alone becomes web.lab.
printf 'search lab\nnameserver 192.168.1.53\n' | sudo tee /etc/resolv.conf
ping -c 1 -W 1 web
