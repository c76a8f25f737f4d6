# The lab image: one Linux node of a grade lab (host, router or server).
# Built by `npm run setup`; its base is pulled, or made locally by debootstrap when no registry answers.
FROM debian:bookworm-slim AS tcpdump-nodrop
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev
COPY runner/image/tcpdump-nodrop.c /tmp/
RUN gcc -O2 -shared -fPIC -o /tmp/tcpdump-nodrop.so /tmp/tcpdump-nodrop.c

FROM debian:bookworm-slim

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      iproute2 iptables iputils-ping net-tools netcat-openbsd tcpdump curl socat procps \
      bridge-utils ca-certificates util-linux kmod less nano vim-tiny \
 && rm -rf /var/lib/apt/lists/*

COPY runner/image/node-init.sh /usr/local/sbin/grade-node-init
# Not the real sudo: see the shim for why.
COPY runner/image/sudo-shim.sh /usr/bin/sudo
COPY runner/image/tcpdump-wrapper.sh /usr/local/bin/tcpdump
COPY --from=tcpdump-nodrop /tmp/tcpdump-nodrop.so /usr/local/lib/grade/tcpdump-nodrop.so
RUN chmod 0755 /usr/local/sbin/grade-node-init /usr/bin/sudo /usr/local/bin/tcpdump

ENTRYPOINT ["/usr/local/sbin/grade-node-init"]
