# The lab image: one Linux node of a grade lab (host, router or server).
# Built by `npm run setup`; its base is pulled, or made locally by debootstrap when no registry answers.
FROM debian:bookworm-slim

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      iproute2 iptables iputils-ping net-tools netcat-openbsd tcpdump curl socat procps \
      bridge-utils ca-certificates util-linux kmod less nano vim-tiny \
 && rm -rf /var/lib/apt/lists/*

COPY runner/image/node-init.sh /usr/local/sbin/grade-node-init
# Not the real sudo: see the shim for why.
COPY runner/image/sudo-shim.sh /usr/bin/sudo
RUN chmod 0755 /usr/local/sbin/grade-node-init /usr/bin/sudo

ENTRYPOINT ["/usr/local/sbin/grade-node-init"]
