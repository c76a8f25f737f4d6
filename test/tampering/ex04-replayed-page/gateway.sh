curl -s http://10.0.0.2/ > /root/page.html
cat /root/page.html
cat > /root/serve.sh <<'SERVE'
#!/bin/bash
# Read the request's headers, then answer with the saved copy of web's page.
while IFS= read -r -t 5 line && [ -n "${line%$'\r'}" ]; do :; done
printf 'HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n' "$(stat -c %s /root/page.html)"
cat /root/page.html
SERVE
chmod +x /root/serve.sh
setsid socat TCP-LISTEN:8080,fork,reuseaddr EXEC:/root/serve.sh </dev/null >/dev/null 2>&1 &
sleep 0.5
curl -s http://203.0.113.1:8080/
