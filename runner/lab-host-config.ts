import type { LabContainerSpec } from './engine.js';

/**
 * The Docker HostConfig of a lab container. Every setting here is part of what keeps the host safe
 * while learners are root inside their nodes; runner/image/node-boot.sh does the rest.
 */
export function labHostConfig(spec: LabContainerSpec): Record<string, unknown> {
  return {
    // No Docker network at all: no host-side interface, no iptables rule on the host, no address
    // pool to run out of. The lab's links are veths and bridges made inside the container.
    NetworkMode: 'none',
    // Every tool in the lab comes from the image and nothing in the lab can change it. Nodes get
    // their own writable /etc, /root, /home, /tmp, /var and /run (tmpfs, made by node-boot.sh).
    ReadonlyRootfs: true,
    Tmpfs: { '/run': 'rw,nosuid,nodev,mode=755,size=64m', '/tmp': 'rw,nosuid,nodev,mode=1777,size=64m' },
    CapDrop: ['ALL'],
    // What making the nodes needs, held only by grade's own processes in the container's root
    // namespaces. Learner commands run in each node's user namespace and hold none of these on the
    // host; checks drop to NET_ADMIN + NET_RAW (runner/image/grade-enter.sh).
    //   NET_ADMIN, NET_RAW: build the links, configure nodes, ping and capture in checks
    //   SYS_ADMIN: create namespaces and mount each node's /proc, /sys and tmpfs
    //   SYS_CHROOT: setns into a node's mount namespace
    //   SETUID, SETGID: map each node's user namespace; run services as nobody
    //   CHOWN: hand each node's copy of /etc to the node's root
    //   SYS_PTRACE: open /proc/<pid>/ns of a node, whose processes run as another uid
    //   SETPCAP: drop capabilities from the bounding set of the processes grade starts
    CapAdd: ['NET_ADMIN', 'NET_RAW', 'SYS_ADMIN', 'SYS_CHROOT', 'SETUID', 'SETGID', 'CHOWN', 'SYS_PTRACE', 'SETPCAP'],
    // Docker's AppArmor profile (docker-default) denies mount and writes under /proc/sys, and SELinux
    // labels would deny the same mounts, so a lab cannot make its nodes under them. The host is
    // protected instead by the bounding set above, a read-only root filesystem, Docker's read-only
    // /proc/sys (each node remounts its own procfs read-only, with only /proc/sys/net writable),
    // user namespaces that make the learner's root an unprivileged uid, and seccomp, which stays on.
    // test/docker/node-security.test.ts proves each of these.
    SecurityOpt: ['apparmor=unconfined', 'label=disable', 'no-new-privileges'],
    Privileged: false,
    // Only what the exercise needs (`needs: [tun]`): /dev/net/tun lets a node make TUN interfaces in
    // its own network namespace (socat TUN:), which needs NET_ADMIN there and nothing on the host.
    Devices: (spec.devices ?? []).map((path) => ({ PathOnHost: path, PathInContainer: path, CgroupPermissions: 'rwm' })),
    // The lab's own cgroup is the root of all it can see of the host's cgroups, even through a cgroupfs
    // it mounts itself with SYS_ADMIN: it makes the learner's budgets below it (lab_budgets in
    // runner/image/lab-lib.sh) and can never reach the host's or another lab's.
    CgroupnsMode: 'private',
    // Limits of the whole lab; the learner's processes get less (runner/lab-budget.ts).
    PidsLimit: spec.pidsLimit,
    Memory: spec.memoryBytes,
    MemorySwap: spec.memoryBytes,
    Sysctls: { 'net.ipv6.conf.all.disable_ipv6': '1', 'net.ipv6.conf.default.disable_ipv6': '1' },
    AutoRemove: false,
    Init: false,
  };
}
