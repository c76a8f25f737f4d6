# The image each grading pod runs: grade itself plus a Docker engine of its own, in which the labs run.
# Build it from the root of grade's repository:
#   docker build -f examples/kubernetes/grader.Dockerfile -t grade-grader .
# and push it wherever your cluster pulls images from.
FROM node:20-bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io debootstrap iproute2 iptables kmod \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/grade
COPY . .
RUN npm ci && npm run build
COPY examples/kubernetes/grade-shard.sh /usr/local/bin/grade-shard
RUN chmod 0755 /usr/local/bin/grade-shard
ENTRYPOINT ["/usr/local/bin/grade-shard"]
