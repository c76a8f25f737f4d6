// Measures how long grading takes, phase by phase: `npm run bench -- [exercise] [runs]`.
// Speed is measured here, never asserted in tests.
import { checkKinds } from '../checks/registry.js';
import { findExercise } from '../core/find-exercise.js';
import { readSubmission } from '../core/submission.js';
import { gradeSubmission } from '../grading/grade-exercise.js';
import { DockerEngine } from '../runner/docker-engine.js';
import { labImageRef } from '../runner/lab-image.js';
import { LabTracker } from '../runner/lab-tracker.js';

const [name = 'ex01', runsText = '5'] = process.argv.slice(2);
const runs = Number(runsText);
const kinds = checkKinds();
const exercise = findExercise(name, kinds);
const engine = new DockerEngine();
const tracker = new LabTracker();
tracker.installSignalHandlers();
const submission = readSubmission(exercise.solutionDir, exercise.nodes);

const phases = ['provisionMs', 'submissionMs', 'checksMs', 'teardownMs', 'durationMs'] as const;
const samples: Record<(typeof phases)[number], number[]> = { provisionMs: [], submissionMs: [], checksMs: [], teardownMs: [], durationMs: [] };
for (let i = 0; i < runs; i++) {
  const r = await gradeSubmission({ exercise, kinds, engine, image: labImageRef(), submission, mode: 'reference', tracker });
  if (r.status !== 'pass') throw new Error(`run ${i + 1}: the reference did not pass (${r.status}: ${r.error ?? ''})`);
  for (const p of phases) samples[p].push(p === 'durationMs' ? r.durationMs : r.timings[p]);
  process.stderr.write(`run ${i + 1}/${runs}: ${(r.durationMs / 1000).toFixed(2)} s\n`);
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s.at(-1)! };
};
console.log(`grade ${exercise.id} --submission solution, ${runs} runs, ${exercise.nodes.length} nodes, ${exercise.checks.length} checks`);
console.log('phase          min    median     max   (ms)');
for (const p of phases) {
  const { min, median, max } = stat(samples[p]);
  console.log(`${p.replace('Ms', '').padEnd(12)} ${String(min).padStart(6)} ${String(median).padStart(8)} ${String(max).padStart(7)}`);
}
