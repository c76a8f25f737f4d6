import { cleanupFailed } from '../core/cleanup-failures.js';
import { DEFAULT_LIMITS, type Exercise } from '../core/exercise.js';
import { readBudgetUse } from '../runner/budget-use.js';
import type { Engine } from '../runner/engine.js';
import { GRADE_PROCS, LAB_MEMORY_BYTES, LEARNERS_MEMORY_BYTES, NODE_MEMORY_BYTES, NODE_PROCS } from '../runner/lab-budget.js';
import { planLab } from '../runner/plan-lab.js';
import { provision } from '../runner/provision.js';
import type { StartedLab } from '../runner/started-lab.js';
import type { DoctorItem } from './doctor-item.js';

// What the tunnel exercise (ex08) asks of a lab, tried in a real one: a one-node lab that needs TUN,
// where the learner's root starts the image's socat in the background with a TUN interface, and a
// later command still finds both. Run by `grade doctor` when the engine and the lab image are there.
// The same lab tells what budgets the learner's processes got (lab_budgets in runner/image/lab-lib.sh).

const PROBE_LAB: Exercise = {
  id: 'ex00',
  slug: 'doctor-lab-runtime',
  dir: '/nonexistent',
  title: 'grade doctor: lab runtime',
  summary: 'One node, /dev/net/tun.',
  concepts: [],
  needs: ['tun'],
  networks: [{ name: 'lan' }],
  nodes: [
    {
      name: 'node',
      role: 'host',
      owner: 'learner',
      interfaces: [{ name: 'eth0', network: 'lan', addresses: ['10.254.1.1/24'] }],
      routes: [],
      sysctls: {},
      services: [],
    },
  ],
  checks: [],
  limits: DEFAULT_LIMITS,
  solutionDir: '/nonexistent',
  alternatives: [],
  wrongCases: [],
  params: [],
  variant: null,
  paramValues: {},
};

const START = 'command -v socat >/dev/null || { echo "no socat"; exit 3; }\n' +
  'socat UDP:10.254.1.2:9000,bind=10.254.1.1:9000 TUN:10.254.0.1/24,tun-name=grade0,iff-up,tun-type=tun,iff-no-pi </dev/null >/dev/null 2>&1 &\n' +
  'for i in $(seq 50); do ip link show grade0 >/dev/null 2>&1 && exit 0; sleep 0.05; done; echo "no TUN interface"; exit 4';
const STILL = 'pgrep -x socat >/dev/null || { echo "socat ended with the command that started it"; exit 5; }; ip -br link show grade0';

export async function checkLabRuntime(engine: Engine, image: string): Promise<DoctorItem[]> {
  const name = 'lab runtime';
  let lab: StartedLab | undefined;
  try {
    lab = await provision(engine, planLab(PROBE_LAB, { image }));
    const budgets = budgetItem((await readBudgetUse(lab)).mode);
    const started = await lab.runAsLearner('node', ['bash', '-c', START], { timeoutMs: 10_000 });
    if (started.exitCode !== 0) return [{ name, ok: false, detail: `a lab node could not start socat with a TUN interface: ${started.output.trim() || `exit ${started.exitCode}`}` }, budgets];
    const still = await lab.runAsLearner('node', ['bash', '-c', STILL], { timeoutMs: 10_000 });
    if (still.exitCode !== 0) return [{ name, ok: false, detail: still.output.trim() || `exit ${still.exitCode}` }, budgets];
    return [{ name, ok: true, detail: "a lab node has /dev/net/tun and the image's socat, and what it starts in the background outlives the command" }, budgets];
  } catch (err) {
    return [{ name, ok: false, detail: `could not make a lab: ${(err as Error).message}`, fix: 'npm run setup' }];
  } finally {
    await lab?.dispose().catch((e: unknown) => cleanupFailed(`remove doctor's probe lab ${lab?.id}`, e, { leftBehind: true }));
  }
}

const MIB = 1024 * 1024;

/** What the lab made of the learner's budgets: nested cgroups, or only a process limit per node. */
export function budgetItem(mode: string): DoctorItem {
  const name = 'learner budgets';
  const grade = `grade keeps ${(LAB_MEMORY_BYTES - LEARNERS_MEMORY_BYTES) / MIB} MiB and ${GRADE_PROCS} processes`;
  const cgroup = /^(v[12]) \((.*)\)$/.exec(mode);
  if (cgroup) {
    return {
      name,
      ok: true,
      detail: `cgroup ${cgroup[1]}, nested below the lab's (${cgroup[2]}): each learner node gets ${NODE_MEMORY_BYTES / MIB} MiB (all together ${LEARNERS_MEMORY_BYTES / MIB} MiB) and ${NODE_PROCS} processes; ${grade}; OK`,
    };
  }
  return {
    name,
    ok: false,
    detail: `no writable cgroup in the lab (${mode.replace(/^none: /, '')}): each learner node is held to ${NODE_PROCS} processes by RLIMIT_NPROC only, and a learner who fills a tmpfs can use up the lab's memory and turn their grade into an error`,
  };
}
