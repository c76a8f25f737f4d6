# The lab image. A lab is ONE container of this image; its nodes are namespaces made inside it by
# runner/image/grade-node.c and lab-lib.sh (see "How a lab works" in the README). The container's root filesystem is
# read-only, so every tool here is one nothing in the lab can replace.
# Built by `npm run setup`; its base is pulled, or made locally by debootstrap when no registry answers.
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev
COPY runner/image/tcpdump-nodrop.c runner/image/grade-node.c runner/image/grade-netns.c runner/image/grade-ct-flush.c /tmp/
RUN gcc -O2 -shared -fPIC -o /tmp/tcpdump-nodrop.so /tmp/tcpdump-nodrop.c \
 && gcc -O2 -Wall -Wextra -Werror -o /tmp/grade-node /tmp/grade-node.c \
 && gcc -O2 -Wall -Wextra -Werror -o /tmp/grade-netns /tmp/grade-netns.c \
 && gcc -O2 -Wall -Wextra -Werror -o /tmp/grade-ct-flush /tmp/grade-ct-flush.c

FROM debian:bookworm-slim

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      iproute2 iptables iputils-ping net-tools netcat-openbsd telnet tcpdump curl socat procps \
      bridge-utils ca-certificates util-linux kmod less nano vim-tiny \
      ufw dnsmasq-base bind9-dnsutils nftables \
 && rm -rf /var/lib/apt/lists/*

COPY runner/image/lab-init.sh /usr/local/sbin/grade-lab-init
COPY runner/image/grade-enter.sh /usr/local/sbin/grade-enter
COPY runner/image/lab-lib.sh /usr/local/lib/grade/lab-lib.sh
COPY runner/image/probe-ping.sh /usr/local/lib/grade/probe-ping
COPY runner/image/probe-tcp.sh /usr/local/lib/grade/probe-tcp
COPY runner/image/probe-conn.sh /usr/local/lib/grade/probe-conn
COPY runner/image/probe-lib.sh /usr/local/lib/grade/probe-lib.sh
COPY runner/image/probe-files.sh /usr/local/lib/grade/probe-files
COPY runner/image/probe-resolve.sh /usr/local/lib/grade/probe-resolve
COPY runner/image/probe-budget.sh /usr/local/lib/grade/probe-budget
COPY runner/image/http-page.sh /usr/local/lib/grade/http-page
COPY runner/image/tcp-answer.sh /usr/local/lib/grade/tcp-answer
COPY runner/image/exec-batch.sh /usr/local/lib/grade/exec-batch
# Not the real sudo: see the shim for why.
COPY runner/image/sudo-shim.sh /usr/bin/sudo
COPY runner/image/tcpdump-wrapper.sh /usr/local/bin/tcpdump
COPY runner/image/nc-shim.sh /usr/local/bin/nc
COPY --from=build /tmp/tcpdump-nodrop.so /tmp/grade-node /tmp/grade-netns /tmp/grade-ct-flush /usr/local/lib/grade/
RUN chmod 0755 /usr/local/sbin/grade-lab-init /usr/local/sbin/grade-enter \
      /usr/local/lib/grade/probe-ping /usr/local/lib/grade/probe-tcp /usr/local/lib/grade/probe-conn /usr/local/lib/grade/probe-files /usr/local/lib/grade/probe-resolve /usr/local/lib/grade/probe-budget \
      /usr/local/lib/grade/http-page /usr/local/lib/grade/tcp-answer /usr/local/lib/grade/exec-batch /usr/bin/sudo /usr/local/bin/tcpdump /usr/local/bin/nc

ENTRYPOINT ["/usr/local/sbin/grade-lab-init"]
