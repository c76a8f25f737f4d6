pad=$(printf 'p%.0s' $(seq 1 200))
# In batches of 1000: one netlink message cannot carry them all.
for b in $(seq 0 11); do { echo '*filter'; for i in $(seq $((b * 1000 + 1)) $((b * 1000 + 1000))); do echo "-A FORWARD -s 10.$((i / 250)).$((i % 250)).1 -m comment --comment \"$pad\" -j DROP"; done; echo COMMIT; } | sudo iptables-restore -n; done
echo "rules: $(sudo iptables -S FORWARD | grep -c '^-A')"
