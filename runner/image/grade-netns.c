/* grade-netns PID1 NODE_NS_DIR NAME CMD...: run CMD in the network namespace a learner made inside a
 * node with `ip netns add NAME` (grade-enter's "net NODE/NAME" mode; checks such as "NS1 reaches NS2").
 *
 * Run as the lab container's root. The namespace is the file /run/netns/NAME of the node's own
 * filesystem, which the learner controls, so it is opened with care:
 *  - the path is resolved inside the node's root (openat2 RESOLVE_IN_ROOT from /proc/PID1/root): a
 *    symbolic link the learner planted cannot lead out of the node's files;
 *  - it must be a network namespace (NS_GET_NSTYPE), not some other file;
 *  - it must belong to the node's user namespace, so it is one the learner made in that node;
 *  - it must not be the node's own network namespace bound under a second name.
 * Only then does it setns() and exec CMD (an absolute path; grade-enter passes setpriv and env).
 * Every refusal is one line on stderr and exit status 125, as grade-enter's own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <linux/openat2.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int refuse(const char *name, const char *why) {
  fprintf(stderr, "grade-enter: network namespace %s: %s\n", name, why);
  return 125;
}

static int valid_name(const char *name) {
  size_t n = strlen(name);
  if (n == 0 || n > 64 || !strcmp(name, ".") || !strcmp(name, "..")) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) return 0;
  }
  return 1;
}

/* Same namespace as the node's file DIR/WHICH (a bind mount grade made at node start)? */
static int same_as(int fd, const char *dir, const char *which) {
  char path[512];
  struct stat a, b;
  snprintf(path, sizeof path, "%s/%s", dir, which);
  if (fstat(fd, &a) != 0 || stat(path, &b) != 0) return -1;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: grade-netns PID1 NODE_NS_DIR NAME CMD...\n");
    return 125;
  }
  const char *pid1 = argv[1], *dir = argv[2], *name = argv[3];
  if (!valid_name(name)) return refuse(name, "is not a name `ip netns add` makes");
  char rootpath[64];
  snprintf(rootpath, sizeof rootpath, "/proc/%s/root", pid1);
  int root = open(rootpath, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return refuse(name, "cannot reach the node's files");
  char rel[128];
  snprintf(rel, sizeof rel, "run/netns/%s", name);
  struct open_how how = {.flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
  int fd = (int)syscall(SYS_openat2, root, rel, &how, sizeof how);
  if (fd < 0) return refuse(name, errno == ENOENT ? "does not exist in the node (see ip netns list)" : "cannot be opened");
  if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) return refuse(name, "is not a network namespace (its /run/netns file is some other file)");
  int owner = ioctl(fd, NS_GET_USERNS);
  if (owner < 0 || same_as(owner, dir, "user") != 1) return refuse(name, "was not made inside this node");
  close(owner);
  if (same_as(fd, dir, "net") != 0) return refuse(name, "is the node's own network namespace, not one of its own");
  if (setns(fd, CLONE_NEWNET) != 0) return refuse(name, strerror(errno));
  close(fd);
  close(root);
  execv(argv[4], argv + 4);
  fprintf(stderr, "grade-enter: %s: %s\n", argv[4], strerror(errno));
  return 125;
}
