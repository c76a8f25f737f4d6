import { cleanupFailed } from '../core/cleanup-failures.js';
import { DEFAULT_LIMITS, type Exercise } from '../core/exercise.js';
import type { Engine } from '../runner/engine.js';
import { planLab } from '../runner/plan-lab.js';
import { provision } from '../runner/provision.js';
import type { StartedLab } from '../runner/started-lab.js';
import type { DoctorItem } from './doctor-item.js';

// What the tunnel exercise (ex08) asks of a lab, tried in a real one: a one-node lab that needs TUN,
// where the learner's root starts the image's socat in the background with a TUN interface, and a
// later command still finds both. Run by `grade doctor` when the engine and the lab image are there.

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

export async function checkLabRuntime(engine: Engine, image: string): Promise<DoctorItem> {
  const name = 'lab runtime';
  let lab: StartedLab | undefined;
  try {
    lab = await provision(engine, planLab(PROBE_LAB, { image }));
    const started = await lab.runAsLearner('node', ['bash', '-c', START], { timeoutMs: 10_000 });
    if (started.exitCode !== 0) return { name, ok: false, detail: `a lab node could not start socat with a TUN interface: ${started.output.trim() || `exit ${started.exitCode}`}` };
    const still = await lab.runAsLearner('node', ['bash', '-c', STILL], { timeoutMs: 10_000 });
    if (still.exitCode !== 0) return { name, ok: false, detail: still.output.trim() || `exit ${still.exitCode}` };
    return { name, ok: true, detail: "a lab node has /dev/net/tun and the image's socat, and what it starts in the background outlives the command" };
  } catch (err) {
    return { name, ok: false, detail: `could not make a lab: ${(err as Error).message}`, fix: 'npm run setup' };
  } finally {
    await lab?.dispose().catch((e: unknown) => cleanupFailed(`remove doctor's probe lab ${lab?.id}`, e, { leftBehind: true }));
  }
}
