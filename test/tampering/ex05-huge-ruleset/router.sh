pad=$(printf 'p%.0s' $(seq 1 200))
{ echo '*filter'; for i in $(seq 1 12000); do echo "-A FORWARD -s 10.$((i / 250)).$((i % 250)).1 -m comment --comment \"$pad\" -j DROP"; done; echo COMMIT; } | sudo iptables-restore -n
echo "rules: $(sudo iptables -S FORWARD | grep -c '^-A')"
