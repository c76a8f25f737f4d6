/* tcpdump switches from root to its own user after opening the device. That needs CAP_SETGID and
 * CAP_SETUID, which grade's own probes do not hold (only NET_ADMIN and NET_RAW), so it would refuse
 * to run there (probe-ping captures on a node this way).
 * Preloaded by the tcpdump wrapper with `-Z root`: dropping the supplementary groups becomes a no-op,
 * and setgid(0)/setuid(0) to the ids it already has need no capability. */
#include <grp.h>
#include <stddef.h>
#include <sys/types.h>

int setgroups(size_t size, const gid_t *list) { (void)size; (void)list; return 0; }
int initgroups(const char *user, gid_t group) { (void)user; (void)group; return 0; }
