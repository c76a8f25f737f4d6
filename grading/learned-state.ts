import type { CheckSpec, Exercise } from '../core/exercise.js';
import type { LabExec } from '../runner/lab-exec.js';

// State a network learns from traffic (neighbour entries made by ARP, bridge and VXLAN forwarding
// entries learned from frames) lets a direction work only because the other side spoke first: in the
// learner's own script, or in a check that happened to run earlier. grade forgets it before it proves
// anything, so each verdict starts from a network that has learned nothing. What the learner set up
// (permanent or static neighbour entries, forwarding entries added by hand: "permanent", "static",
// "added_by_user", "extern_learn") stays. Connection-tracking entries go too (grade-ct-flush): a NAT
// mapping or an "established" entry made by one check's traffic must not carry a later check.

/**
 * Run with the image's own bash, ip, bridge and grade-ct-flush in one network namespace (grade-enter net). Every fdb
 * line without a flag of configuration is one the kernel learned; it is deleted with the words that
 * name it (master, self, vlan, dst, vni, port).
 */
export const FORGET_SCRIPT = `ip neigh flush all >/dev/null 2>&1
/usr/local/lib/grade/grade-ct-flush >/dev/null 2>&1
bridge fdb show 2>/dev/null | while read -r -a w; do
  case " \${w[*]} " in *" permanent "*|*" static "*|*" added_by_user "*|*" extern_learn "*) continue ;; esac
  [ "\${w[1]}" = dev ] || continue
  args=("\${w[0]}" dev "\${w[2]}") where=()
  for ((i = 3; i < \${#w[@]}; i++)); do
    case "\${w[i]}" in
      master) where=(master) ;;
      self) [ "\${#where[@]}" -gt 0 ] || where=(self) ;;
      vlan|dst|vni|port|src_vni) args+=("\${w[i]}" "\${w[i+1]}"); i=$((i + 1)) ;;
    esac
  done
  bridge fdb del "\${args[@]}" "\${where[@]}" >/dev/null 2>&1
done
exit 0`;

/**
 * Where the learner's configuration could lean on learned state: each learner node, and each namespace
 * a check names inside one (NODE/NETNS). The lab's own nodes are configured by the lab and left alone
 * (each place costs the machine a few processes before every check that sends traffic).
 */
export function placesOf(exercise: Exercise, checks: readonly CheckSpec[] = exercise.checks): string[] {
  const places = new Set(exercise.nodes.filter((n) => n.owner !== 'lab').map((n) => n.name));
  for (const check of checks) {
    const p = check.params as Record<string, unknown>;
    const pairs: [unknown, unknown][] = [[p.node, p.netns], [p.far, p.farNetns], [p.listener, p.listenerNetns]];
    for (const [node, netns] of pairs) if (typeof node === 'string' && typeof netns === 'string') places.add(`${node}/${netns}`);
  }
  return [...places];
}

/**
 * Forget what the network learned, in every place at once, before the next commands sent to the lab
 * (in the same engine exec where the lab allows: one exec less for every check that sends traffic).
 * A place that cannot be entered (a namespace the learner never made) is skipped.
 */
export async function forgetLearnedState(lab: LabExec, places: readonly string[]): Promise<void> {
  const commands = places.map((place) => ({ place, argv: ['bash', '-c', FORGET_SCRIPT], timeoutMs: 10_000 }));
  if (lab.prelude) return lab.prelude(commands);
  await Promise.all(commands.map((c) => lab.exec(c.place, c.argv, { timeoutMs: c.timeoutMs })));
}
