/* grade-node NAME STATE_DIR: make one lab node, fast (lab-lib.sh's lab_node runs it).
 *
 * Run as the lab container's root, before any learner code. It forks the node's PID 1 ("boot") in
 * new mount, UTS, IPC and PID namespaces. boot prepares the node's filesystem view in its mount
 * namespace (M0): a procfs whose /proc/sys is read-only except /proc/sys/net, Docker's /proc masks,
 * a fully visible sysfs, and the node's own tmpfs /etc (a copy), /root, /home, /tmp, /var, /run and
 * /dev/shm, owned by the node's root. Then it forks "hold" into a new user namespace (node root =
 * host uid ROOT_ID: an unprivileged uid outside) with the node's own network and mount namespaces
 * (M1, where every mount above is locked). The learner works in hold's namespaces.
 *
 * It prints "BOOT_PID HOLD_PID" (container PIDs) and exits 0 once the node is ready; boot and hold
 * stay. boot then lives in the node's mount namespace and keeps fd 7 open on it: lab-lib.sh and the
 * probes reach it through /proc/BOOT_PID, which the learner cannot end.
 * Every failure is one line on stderr and a non-zero exit.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROOT_ID 100000
#define ID_COUNT 65536

static const char *node_name = "?";

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "grade-node %s: ", node_name);
  vfprintf(stderr, fmt, ap);
  if (errno) fprintf(stderr, ": %s", strerror(errno));
  fputc('\n', stderr);
  va_end(ap);
  _exit(1);
}

static void mnt(const char *src, const char *dst, const char *type, unsigned long flags, const char *data) {
  errno = 0;
  if (mount(src, dst, type, flags, data) != 0) die("mount %s on %s", type ? type : src, dst);
}

static void write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  errno = 0;
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) die("write %s", path);
  close(fd);
}

static void write_all(int fd, const void *buf, size_t len) {
  if (write(fd, buf, len) != (ssize_t)len) die("pipe write");
}

static void read_all(int fd, void *buf, size_t len) {
  size_t got = 0;
  while (got < len) {
    ssize_t n = read(fd, (char *)buf + got, len - got);
    if (n <= 0) die("the other side of the node went away");
    got += (size_t)n;
  }
}

/* Copy a directory tree (files, links, folders) with modes kept and everything owned by the node's root. */
static void copy_tree(const char *from, const char *to) {
  DIR *dir = opendir(from);
  if (!dir) die("open %s", from);
  struct dirent *e;
  char src[4096], dst[4096];
  while ((e = readdir(dir))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    snprintf(src, sizeof src, "%s/%s", from, e->d_name);
    snprintf(dst, sizeof dst, "%s/%s", to, e->d_name);
    struct stat st;
    if (lstat(src, &st) != 0) die("stat %s", src);
    if (S_ISDIR(st.st_mode)) {
      if (mkdir(dst, st.st_mode & 07777) != 0) die("mkdir %s", dst);
      copy_tree(src, dst);
    } else if (S_ISLNK(st.st_mode)) {
      char target[4096];
      ssize_t n = readlink(src, target, sizeof target - 1);
      if (n < 0) die("readlink %s", src);
      target[n] = 0;
      if (symlink(target, dst) != 0) die("symlink %s", dst);
    } else if (S_ISREG(st.st_mode)) {
      int in = open(src, O_RDONLY | O_CLOEXEC), out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777);
      if (in < 0 || out < 0) die("copy %s", src);
      char buf[65536];
      ssize_t n;
      while ((n = read(in, buf, sizeof buf)) > 0) write_all(out, buf, (size_t)n);
      close(in);
      close(out);
    } else {
      continue; /* no devices, FIFOs or sockets in the image's /etc or /root */
    }
    /* The mode first: once the node's root owns it, only the node's root may change it. */
    if (!S_ISLNK(st.st_mode) && chmod(dst, st.st_mode & 07777) != 0) die("chmod %s", dst);
    if (lchown(dst, ROOT_ID, ROOT_ID) != 0) die("chown %s", dst);
  }
  closedir(dir);
}

static void mkdir_owned(const char *path, mode_t mode) {
  if (mkdir(path, mode) != 0 || chmod(path, mode) != 0 || lchown(path, ROOT_ID, ROOT_ID) != 0) die("mkdir %s", path);
}

static void symlink_owned(const char *target, const char *path) {
  if (symlink(target, path) != 0 || lchown(path, ROOT_ID, ROOT_ID) != 0) die("symlink %s", path);
}

static void var_skeleton(void) {
  const char *dirs[] = {"/mnt/log", "/mnt/lib", "/mnt/cache", "/mnt/spool", "/mnt/mail", "/mnt/local", "/mnt/opt", "/mnt/backups"};
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) mkdir_owned(dirs[i], 0755);
  mkdir_owned("/mnt/tmp", 01777);
  symlink_owned("/run", "/mnt/run");
  symlink_owned("/run/lock", "/mnt/lock");
}

static void run_skeleton(void) { mkdir_owned("/mnt/lock", 01777); }

/* A tmpfs filled from `from` and/or by `fill` (both on /mnt), handed to the node's root, moved onto `at`. */
static void own_tmpfs(const char *at, mode_t mode, const char *from, void (*fill)(void)) {
  mnt("tmpfs", "/mnt", "tmpfs", MS_NOSUID | MS_NODEV, "size=64m");
  if (from) copy_tree(from, "/mnt");
  if (fill) fill();
  errno = 0;
  if (chmod("/mnt", mode) != 0 || chown("/mnt", ROOT_ID, ROOT_ID) != 0) die("hand over %s", at);
  mnt("/mnt", at, NULL, MS_MOVE, NULL);
}

static void mask_proc(void) {
  const char *files[] = {"/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug"};
  const char *dirs[] = {"/proc/acpi", "/proc/scsi", "/proc/asound"};
  const char *readonly[] = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sysrq-trigger"};
  struct stat st;
  for (size_t i = 0; i < sizeof files / sizeof *files; i++)
    if (stat(files[i], &st) == 0) mnt("/dev/null", files[i], NULL, MS_BIND, NULL);
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
    if (stat(dirs[i], &st) == 0) mnt("tmpfs", dirs[i], "tmpfs", MS_RDONLY, "size=1k");
  for (size_t i = 0; i < sizeof readonly / sizeof *readonly; i++) {
    if (stat(readonly[i], &st) != 0) continue;
    mnt(readonly[i], readonly[i], NULL, MS_BIND, NULL);
    mnt(NULL, readonly[i], NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
  }
}

/* The filesystem view of the node, in boot's mount namespace (M0). */
static void prepare_mounts(void) {
  const unsigned long plain = MS_NOSUID | MS_NODEV | MS_NOEXEC;
  mnt(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
  /* A procfs of this PID namespace: a fresh one has a writable /proc/sys, made read-only again
   * but for /proc/sys/net (per network namespace). */
  mnt("grade-proc", "/proc", "proc", plain, NULL);
  mnt("/proc/sys", "/proc/sys", NULL, MS_BIND, NULL);
  mnt(NULL, "/proc/sys", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | plain, NULL);
  mnt("/proc/sys/net", "/proc/sys/net", NULL, MS_BIND, NULL);
  mnt(NULL, "/proc/sys/net", NULL, MS_REMOUNT | MS_BIND | plain, NULL);
  mask_proc();
  /* hold and `ip netns exec` mount sysfs again for their own network namespace; inside a user
   * namespace the kernel allows that only where a sysfs is already fully visible and no more
   * restricted. Docker's /sys is neither (masked; read-only superblock), so it makes way for the
   * sysfs of a throwaway network namespace. Its global files belong to the real root. */
  errno = 0;
  if (umount2("/sys", MNT_DETACH) != 0) die("umount /sys");
  if (unshare(CLONE_NEWNET) != 0) die("unshare a throwaway network namespace");
  mnt("grade-sysfs", "/sys", "sysfs", plain, NULL);
  /* The node's own writable places; everything else is the read-only image. */
  own_tmpfs("/etc", 0755, "/etc", NULL);
  own_tmpfs("/root", 0700, "/root", NULL);
  own_tmpfs("/var", 0755, NULL, var_skeleton);
  own_tmpfs("/home", 0755, NULL, NULL);
  own_tmpfs("/run", 0755, NULL, run_skeleton);
  mnt("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777,size=64m");
  mnt("tmpfs", "/dev/shm", "tmpfs", plain, "mode=1777,size=16m");
  mount("tmpfs", "/dev/mqueue", "tmpfs", plain, "mode=1777,size=1k"); /* absent on some engines */
}

static void noop(int sig) { (void)sig; }

/* The node's processes keep no pipe of the caller open. */
static void quiet_stdio(void) {
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    close(null);
  }
}

static void ignore_signals(void) {
  int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE};
  for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) signal(sigs[i], SIG_IGN);
}

static void set_sysctl(const char *path, const char *value) { write_file(path, value); }

/* hold: root of the node's user namespace, in its network and mount namespaces (M1). */
static void hold(int to_boot, int from_boot) {
  prctl(PR_SET_PDEATHSIG, 0);
  errno = 0;
  if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS) != 0) die("unshare user, net, mnt");
  write_all(to_boot, "u", 1);
  char ok;
  read_all(from_boot, &ok, 1); /* boot has written our uid and gid maps */
  if (setgroups(0, NULL) != 0 || setresgid(0, 0, 0) != 0 || setresuid(0, 0, 0) != 0) die("become the node's root");
  mnt(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
  /* sysfs shows the network namespace of whoever mounts it: this one's. */
  mnt("grade-sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
  /* A new network namespace copies some defaults from the host: start from a plain Linux box. */
  set_sysctl("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
  set_sysctl("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
  set_sysctl("/proc/sys/net/ipv4/ip_forward", "0");
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct ifreq ifr = {0};
  strcpy(ifr.ifr_name, "lo");
  if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) != 0) die("read lo");
  ifr.ifr_flags |= IFF_UP;
  if (ioctl(s, SIOCSIFFLAGS, &ifr) != 0) die("bring lo up");
  close(s);
  write_all(to_boot, "h", 1);
  close(to_boot);
  close(from_boot);
  for (int fd = 3; fd < 64; fd++) close(fd);
  quiet_stdio();
  ignore_signals();
  for (;;) pause();
}

static void map_ids(pid_t pid) {
  char path[64], map[64];
  snprintf(map, sizeof map, "0 %d %d\n", ROOT_ID, ID_COUNT);
  snprintf(path, sizeof path, "/proc/%d/uid_map", pid);
  write_file(path, map);
  snprintf(path, sizeof path, "/proc/%d/gid_map", pid);
  write_file(path, map);
}

/* boot: PID 1 of the node's PID namespace. Reports "ready" (and hold's pid) on `report`. */
static void boot(const char *name, int report) {
  errno = 0;
  if (sethostname(name, strlen(name)) != 0) die("sethostname");
  prepare_mounts();
  int up[2], down[2];
  if (pipe2(up, O_CLOEXEC) != 0 || pipe2(down, O_CLOEXEC) != 0) die("pipe");
  pid_t h = fork();
  if (h < 0) die("fork hold");
  if (h == 0) {
    close(up[0]);
    close(down[1]);
    close(report);
    hold(up[1], down[0]);
  }
  close(up[1]);
  close(down[0]);
  char c;
  read_all(up[0], &c, 1);
  map_ids(h);
  write_all(down[1], "m", 1);
  read_all(up[0], &c, 1); /* held */
  close(up[0]);
  close(down[1]);
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/ns/mnt", h);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || (fd != 7 && (dup2(fd, 7) != 7 || close(fd) != 0))) die("keep hold's mount namespace on fd 7");
  /* boot lives on in the node's own mount namespace, so /proc/<boot>/root is the node's filesystem as
   * the node sees it, for grade's probes to read from outside, whatever the learner kills. */
  if (setns(7, CLONE_NEWNS) != 0) die("enter the node's mount namespace");
  write_all(report, "r", 1);
  close(report);
  quiet_stdio();
  ignore_signals();
  /* PID 1 of the node: reap whatever the learner leaves behind (SIGCHLD wakes the pause). */
  struct sigaction sa = {0};
  sa.sa_handler = noop;
  sigaction(SIGCHLD, &sa, NULL);
  for (;;) {
    while (waitpid(-1, NULL, WNOHANG) > 0) continue;
    pause();
  }
}

/* hold is boot's only child when the node reports ready: find its PID as this container sees it. */
static pid_t child_of(pid_t parent) {
  DIR *proc = opendir("/proc");
  if (!proc) return -1;
  struct dirent *e;
  pid_t found = -1;
  while ((e = readdir(proc)) && found < 0) {
    char path[300], buf[512];
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) continue;
    buf[n] = 0;
    char *after = strrchr(buf, ')'); /* the name may hold spaces and parentheses */
    int ppid;
    if (after && sscanf(after, ") %*c %d", &ppid) == 1 && ppid == parent) found = atoi(e->d_name);
  }
  closedir(proc);
  return found;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: grade-node NAME STATE_DIR\n");
    return 2;
  }
  node_name = argv[1];
  int ready[2], pids[2];
  if (pipe2(ready, O_CLOEXEC) != 0 || pipe2(pids, O_CLOEXEC) != 0) die("pipe");
  pid_t starter = fork();
  if (starter < 0) die("fork");
  if (starter == 0) {
    close(ready[0]);
    close(pids[0]);
    if (unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID) != 0) die("unshare mnt, uts, ipc, pid");
    pid_t b = fork();
    if (b < 0) die("fork boot");
    if (b == 0) {
      close(pids[1]);
      boot(argv[1], ready[1]);
    }
    write_all(pids[1], &b, sizeof b);
    _exit(0);
  }
  close(ready[1]);
  close(pids[1]);
  pid_t b;
  read_all(pids[0], &b, sizeof b);
  waitpid(starter, NULL, 0);
  char r;
  if (read(ready[0], &r, 1) != 1) die("the node did not start");
  pid_t h = child_of(b);
  if (h <= 0) die("find the node's holder");
  printf("%d %d\n", b, h);
  return 0;
}
