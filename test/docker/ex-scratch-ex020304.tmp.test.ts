import { test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadExercise } from '../../core/load-exercise.js';
import { checkKinds } from '../../checks/registry.js';
import { DockerEngine } from '../../runner/docker-engine.js';
import { gradeSubmission } from '../../grading/grade-exercise.js';
import { readSubmission } from '../../core/submission.js';

// EX=exercises/ex02-... ONLY=solution|alt:<name>|wrong:<name> (comma list, default all) REPEAT=n VERBOSE=1
test('scratch', async () => {
  const kinds = checkKinds();
  const exDir = process.env.EX!;
  const ex = loadExercise(exDir, kinds);
  const engine = new DockerEngine();
  const repeat = Number(process.env.REPEAT ?? '1');
  const subs: { name: string; dir: string; fails: string[] }[] = [{ name: 'solution', dir: ex.solutionDir, fails: [] }];
  for (const a of ex.alternatives) subs.push({ name: `alt:${a.name}`, dir: a.dir, fails: [] });
  for (const w of ex.wrongCases) subs.push({ name: `wrong:${w.name}`, dir: w.dir, fails: [...w.fails] });
  const only = process.env.ONLY?.split(',');
  const total = ex.checks.reduce((s, c) => s + c.points, 0);
  for (let i = 0; i < repeat; i++) {
    for (const s of subs) {
      if (only && !only.includes(s.name)) continue;
      const r = await gradeSubmission({ exercise: ex, kinds, engine, image: 'grade-lab:dev', submission: readSubmission(s.dir, ex.nodes.map((n) => n.name)), mode: 'reference' });
      const failed = r.checks.filter((c) => c.status !== 'pass').map((c) => c.id).sort();
      const want = [...s.fails].sort();
      const ok = JSON.stringify(failed) === JSON.stringify(want) && r.checks.every((c) => c.status !== 'error') && !r.error;
      console.log(`${ok ? 'OK ' : 'BAD'} ${s.name} status=${r.status} score=${JSON.stringify(r.score)} ms=${r.durationMs} timings=${JSON.stringify(r.timings)} failed=${failed.join(',')} declared=${want.join(',')}${r.error ? ' ERROR=' + r.error : ''}`);
      for (const c of r.checks) if (process.env.VERBOSE || c.status !== 'pass') console.log(`    ${c.status} ${c.id}: ${c.observed}`);
      if (process.env.VERBOSE || !ok) for (const n of r.nodes) for (const cmd of n.commands) if (cmd.status !== 'ok' || process.env.VERBOSE) console.log(`    [${n.name}] ${cmd.status} ${cmd.text} -> ${cmd.output.trim().slice(0, 200)}`);
    }
  }
  console.log(`total points ${total}`);
}, 900000);
