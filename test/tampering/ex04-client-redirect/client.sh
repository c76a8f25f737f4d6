iptables -t nat -A OUTPUT -d 203.0.113.1 -p tcp --dport 8080 -j DNAT --to-destination 127.0.0.1:8080
setsid socat TCP-LISTEN:8080,bind=127.0.0.1,fork,reuseaddr SYSTEM:'printf "HTTP/1.0 200 OK\r\n\r\nhello\n"' </dev/null >/dev/null 2>&1 &
