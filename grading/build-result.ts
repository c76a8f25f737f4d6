import type { Exercise } from '../core/exercise.js';
import { RESULT_SCHEMA_VERSION, type CheckResult, type GradeMode, type GradeResult, type NodeReport, type Topology } from '../core/result.js';
import { toolVersion } from '../core/tool-version.js';

export interface ResultParts {
  readonly exercise: Exercise;
  readonly mode: GradeMode;
  readonly submissionPath: string | null;
  readonly label: string | null;
  readonly labId: string | null;
  readonly startedAt: string;
  readonly checks: readonly CheckResult[];
  readonly nodes: readonly NodeReport[];
  readonly timings: GradeResult['timings'];
  readonly durationMs: number;
  readonly error: string | null;
}

/** The one place where score and status are decided; reporters only render them. */
export function buildResult(parts: ResultParts): GradeResult {
  const { exercise } = parts;
  const possible = exercise.checks.reduce((sum, c) => sum + c.points, 0);
  const earned = parts.checks.reduce((sum, c) => sum + c.earned, 0);
  const status = parts.error || parts.checks.some((c) => c.status === 'error') ? 'error' : parts.checks.every((c) => c.status === 'pass') ? 'pass' : 'fail';
  const error = parts.error ?? (status === 'error' ? 'Some checks could not run because of a problem with the lab machine, not with the submission; see the checks marked error.' : null);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'grade', version: toolVersion() },
    exercise: {
      id: exercise.id,
      slug: exercise.slug,
      title: exercise.title,
      summary: exercise.summary,
      ...(exercise.variant !== null ? { variant: exercise.variant } : {}),
    },
    submission: { mode: parts.mode, path: parts.submissionPath, label: parts.label },
    labId: parts.labId,
    startedAt: parts.startedAt,
    durationMs: parts.durationMs,
    status,
    score: { earned, possible },
    checks: parts.checks,
    nodes: parts.nodes,
    topology: topologyOf(exercise),
    timings: parts.timings,
    error,
  };
}

export function topologyOf(exercise: Exercise): Topology {
  return {
    networks: exercise.networks.map((n) => ({ name: n.name, subnet: n.subnet ?? null })),
    nodes: exercise.nodes.map((n) => ({
      name: n.name,
      role: n.role,
      interfaces: n.interfaces.map((i) => ({ name: i.name, network: i.network, addresses: i.addresses })),
    })),
  };
}
