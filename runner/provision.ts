import type { LabPlan } from '../core/lab-plan.js';
import { InfraError } from '../core/errors.js';
import type { Engine } from './engine.js';
import { StartedLab } from './started-lab.js';

const SETUP_TIMEOUT_MS = 30_000;

export interface ProvisionHooks {
  /** Told about the lab before anything exists, so Ctrl-C during provisioning can still tear it down. */
  readonly onCreated?: (lab: StartedLab) => void;
}

/** Create the lab's networks and containers and turn each container into its node. On failure, removes what it made and rethrows. */
export async function provision(engine: Engine, plan: LabPlan, hooks: ProvisionHooks = {}): Promise<StartedLab> {
  if (!(await engine.imageExists(plan.image))) {
    throw new InfraError(`The lab image ${plan.image} is missing or out of date: run \`npm run setup\` to build it.`);
  }
  const lab = new StartedLab(engine, plan);
  hooks.onCreated?.(lab);
  try {
    await Promise.all(
      plan.networks.map(async (n) => lab.adoptNetwork(await engine.createNetwork({ name: n.dockerName, labels: n.labels }))),
    );
    await Promise.all(
      plan.nodes.map(async (node) => {
        const [first, ...rest] = node.dockerNetworks;
        const id = await engine.createContainer({
          name: node.containerName,
          hostname: node.spec.name,
          image: plan.image,
          labels: node.labels,
          network: first!,
        });
        lab.adoptContainer(node.spec.name, id);
        for (const network of rest) await engine.connectNetwork(network, id);
        await engine.startContainer(id);
      }),
    );
    await Promise.all(plan.nodes.map((node) => setUpNode(engine, lab, node)));
    return lab;
  } catch (error) {
    await lab.dispose().catch(() => undefined);
    throw error;
  }
}

async function setUpNode(engine: Engine, lab: StartedLab, node: LabPlan['nodes'][number]): Promise<void> {
  const macs = await engine.macAddresses(lab.containerId(node.spec.name));
  const ifmap = node.spec.interfaces.map((iface, i) => {
    const mac = macs[node.dockerNetworks[i]!];
    if (!mac) throw new InfraError(`Docker did not attach ${node.spec.name} to network ${iface.network}.`);
    return `${mac}=${iface.name}`;
  });
  const result = await lab.exec(node.spec.name, ['bash', '-c', node.setupScript], {
    env: { GRADE_IFMAP: ifmap.join(' '), GRADE_TOKEN: lab.plan.token },
    timeoutMs: SETUP_TIMEOUT_MS,
  });
  if (result.exitCode !== 0) {
    const why = result.timedOut ? 'it took too long' : `it exited with ${result.exitCode}: ${result.output.trim().split('\n').slice(-3).join(' / ')}`;
    throw new InfraError(`Setting up node ${node.spec.name} of ${lab.plan.exercise.id} failed (${why}).`);
  }
}
