// grade-ct-flush: forget every connection-tracking entry of the network namespace it runs in (what
// `conntrack -F` does), through ctnetlink. A NAT mapping or an "established" entry learned from one
// check's traffic would otherwise let a later check pass that fails on its own (grading/learned-state.ts).
// Run by grade-enter net with NET_ADMIN; prints nothing, exits 0 on success, 1 with a reason otherwise.
#include <errno.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
  if (fd < 0) {
    // No conntrack in this kernel (or no netfilter netlink): nothing was learned, nothing to forget.
    if (errno == EPROTONOSUPPORT) return 0;
    perror("grade-ct-flush: socket");
    return 1;
  }
  struct {
    struct nlmsghdr nh;
    struct nfgenmsg nf;
  } req;
  memset(&req, 0, sizeof req);
  req.nh.nlmsg_len = sizeof req;
  req.nh.nlmsg_type = (NFNL_SUBSYS_CTNETLINK << 8) | IPCTNL_MSG_CT_DELETE;
  req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
  req.nh.nlmsg_seq = 1;
  req.nf.nfgen_family = AF_UNSPEC; // no tuple and no family: the whole table
  req.nf.version = NFNETLINK_V0;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  if (sendto(fd, &req, sizeof req, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
    perror("grade-ct-flush: send");
    return 1;
  }
  char buf[4096];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  if (n < (ssize_t)sizeof(struct nlmsghdr)) {
    perror("grade-ct-flush: receive");
    return 1;
  }
  struct nlmsghdr *ack = (struct nlmsghdr *)buf;
  if (ack->nlmsg_type == NLMSG_ERROR) {
    int err = ((struct nlmsgerr *)NLMSG_DATA(ack))->error;
    // ENOENT: the table was empty already.
    if (err != 0 && err != -ENOENT) {
      fprintf(stderr, "grade-ct-flush: %s\n", strerror(-err));
      return 1;
    }
  }
  close(fd);
  return 0;
}
