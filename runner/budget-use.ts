import type { LabExec } from './lab-exec.js';

// What each learner node used up of its budget (lab_budgets, probe-budget in runner/image), read
// from the lab's cgroups, where the learner cannot write.

/** One learner node's exhaustion of its budget since its cgroups were made. */
export interface NodeBudgetUse {
  readonly node: string;
  /** Its processes the kernel killed because the node's memory (tmpfs pages included) ran out. */
  readonly oomKills: number;
  /** Forks refused because the node had as many processes as its budget allows. */
  readonly pidsMaxHits: number;
}

export interface BudgetUse {
  /** "v1", "v2", or "none: WHY" when the host gave the lab no cgroup to write. */
  readonly mode: string;
  readonly nodes: readonly NodeBudgetUse[];
}

const NODE_LINE = /^(\S+) (\d+) (\d+)$/;

/** probe-budget's output; lines it does not know are left out (the probe is grade's, not the learner's). */
export function parseBudgetUse(stdout: string): BudgetUse {
  let mode = 'none: probe-budget said nothing';
  const nodes: NodeBudgetUse[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('mode ')) mode = line.slice(5).trim();
    const m = NODE_LINE.exec(line);
    if (m) nodes.push({ node: m[1]!, oomKills: Number(m[2]), pidsMaxHits: Number(m[3]) });
  }
  return { mode, nodes };
}

/** Read the lab's budgets; a probe that cannot run leaves the use unknown (nothing exhausted is claimed). */
export async function readBudgetUse(lab: LabExec): Promise<BudgetUse> {
  try {
    const result = await lab.probe('budget', [], { timeoutMs: 10_000 });
    if (result.exitCode !== 0) return { mode: `none: probe-budget exited with ${result.exitCode}`, nodes: [] };
    return parseBudgetUse(result.stdout);
  } catch (error) {
    return { mode: `none: ${(error as Error).message}`, nodes: [] };
  }
}
