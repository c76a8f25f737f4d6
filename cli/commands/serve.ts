// `grade serve` (a class works in the browser) and `grade serve links` (the join links to send round).
import { writeFile } from 'node:fs/promises';
import { findExercise } from '../../core/find-exercise.js';
import { DockerEngine } from '../../runner/docker-engine.js';
import { reapLabs } from '../../runner/reaper.js';
import { readClassRoster } from '../../serve/class-roster.js';
import { linksCsv } from '../../serve/join-links.js';
import { baseUrl, serveOptions, type RawServeOptions } from '../../serve/serve-options.js';
import { openServerState } from '../../serve/server-state.js';
import { startServer } from '../../serve/start-server.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { variantForms } from '../write-gradebook.js';

/** `grade serve --roster FILE --exercise ex01`: runs until Ctrl-C, then removes every lab it made (histories kept in --state). */
export async function serveCommand(ctx: CliContext, raw: RawServeOptions): Promise<number> {
  const options = serveOptions(raw);
  const exercises = options.exercises.map((e) => findExercise(e, ctx.kinds));
  const ids = exercises.map((e) => e.id);
  const roster = readClassRoster(options.roster);
  const engine = new DockerEngine();
  await engine.ping();
  await reapLabs(engine);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const server = await startServer(options, { exercises, roster, forms: variantForms(ctx), kinds: ctx.kinds, engine, image: ctx.image(), tracker: ctx.tracker, lang: ctx.lang, log });
  process.stdout.write(
    `grade serve: ${ids.join(', ')} for ${roster.learners.length} learner(s) at ${server.url}\n` +
      `  teacher's dashboard (keep it to yourself): ${server.teacherLink}\n` +
      `  learners' links: grade serve links --roster ${options.roster}${ids.map((id) => ` --exercise ${id}`).join('')}${raw.publicUrl ? ` --public-url ${options.publicUrl}` : ''}\n` +
      `  Ctrl-C stops the server and removes its labs.\n`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log('grade serve: stopping; removing the labs (histories are kept)…');
  await server.close();
  return signal === 'SIGINT' ? 130 : 143;
}

/** `grade serve links --roster FILE [--out FILE] [--rotate]`: each learner's signed join link, as CSV. */
export async function linksCommand(ctx: CliContext, raw: RawServeOptions & { out?: string; rotate?: boolean }): Promise<number> {
  const options = serveOptions(raw);
  for (const e of options.exercises) findExercise(e, ctx.kinds);
  const roster = readClassRoster(options.roster);
  const state = openServerState(options.state, { rotate: raw.rotate ?? false });
  const csv = linksCsv(baseUrl(options), state.secret(), roster.learners, options.linkHours);
  if (raw.out) {
    // The links are credentials: readable by the teacher only.
    await writeFile(raw.out, csv, { mode: 0o600 });
    process.stdout.write(`Wrote ${roster.learners.length} join link(s) to ${raw.out}${raw.rotate ? ' (the secret was rotated: every older link and session no longer works)' : ''}.\n`);
  } else process.stdout.write(csv);
  return EXIT.pass;
}
