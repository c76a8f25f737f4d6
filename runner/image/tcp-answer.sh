#!/bin/bash
# tcp-answer: a lab service's answer to one TCP connection (socat SYSTEM/EXEC). It reads one line
# (2 s at most; a learner's plain `nc` sends nothing) and answers with the run's token, that line,
# and the address and port the connection came from as this server sees them. A check that sends a
# fresh line from a port of its choosing can so tell a real answer from a copy or a proxy's.
IFS= read -r -t 2 line
line=${line%$'\r'}
echo "${GRADE_TOKEN:-} ${line} seen from ${SOCAT_PEERADDR:-?} port ${SOCAT_PEERPORT:-?}"
