#!/bin/bash
# http-page NAME: answer one HTTP request (socat EXEC) with a page naming the server, the address and
# port the request came from as this server sees them, the path asked for, and the run's token, which
# only the lab's server knows.
IFS= read -r -t 5 request
path=$(printf '%s' "${request%$'\r'}" | awk '{ print $2 }' | tr -cd 'A-Za-z0-9/?=&._-')
while IFS= read -r -t 5 line && [ -n "${line%$'\r'}" ]; do :; done
body="<html><body><h1>$1</h1><p>served by $1 to ${SOCAT_PEERADDR:-?} port ${SOCAT_PEERPORT:-?} for ${path:-/}, token ${GRADE_TOKEN:-}</p></body></html>"
printf 'HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s\n' "$((${#body} + 1))" "$body"
