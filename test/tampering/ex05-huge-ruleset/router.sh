# Twenty files of 250 rules each, by one awk (no shell loop, no process per rule): a file is one
# netlink batch, and 1000 such rules would not fit one socket's send buffer ("Message too long").
awk 'BEGIN {
  pad = sprintf("%250s", ""); gsub(/ /, "p", pad)
  for (b = 0; b < 20; b++) {
    f = "/tmp/rules." b
    print "*filter" > f
    for (i = b * 250 + 1; i <= b * 250 + 250; i++) printf "-A FORWARD -s 10.%d.%d.1 -m comment --comment \"%s\" -j DROP\n", int(i / 250), i % 250, pad > f
    print "COMMIT" > f
    close(f)
  }
}'
# Loaded from the files in one command (one netlink batch per file).
for f in /tmp/rules.*; do sudo iptables-restore -n < "$f"; done; rm -f /tmp/rules.*
echo "rules: $(sudo iptables -S FORWARD | grep -c '^-A')"
