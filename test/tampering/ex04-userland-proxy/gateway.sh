# No DNAT: a proxy on the gateway's port 8080 opens its own connection to web and relays both ways.
setsid socat TCP-LISTEN:8080,fork,reuseaddr TCP:10.0.0.2:80 </dev/null >/dev/null 2>&1 &
sleep 0.3
curl -s http://203.0.113.1:8080/
