// The teacher's routes: the class dashboard, a learner's terminal read-only, start/stop/reset a
// learner's lab, and the gradebooks `grade batch` writes, from the hand-in records.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UserError } from '../core/errors.js';
import type { BatchEntry } from '../core/batch-entry.js';
import { gradebookFiles } from './class-gradebook.js';
import { classEntries } from './hand-in.js';
import { classView, type LearnerFacts } from './class-view.js';
import { csrfToken } from './join-token.js';
import { clamp, refuse } from './learner-routes.js';
import { esc, exerciseNav, page } from './html.js';
import { pageText, pageWords } from './page-texts.js';
import type { ClassRoom } from './class-room.js';
import { roomOf, type ServeContext } from './server-context.js';
import { bridgeTerminal } from './terminal-socket.js';

const LEARNER_PARAM = { type: 'object', required: ['learner'], properties: { learner: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$' } } } as const;

export function registerTeacherRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const l = ctx.teacherLang;
  app.get('/teacher', async (req, reply) => {
    const { exercise } = roomOf(ctx, req);
    const data = { lang: l, words: pageWords(l), csrf: csrfToken(ctx.secret(), req.principal!.session), exercise: { id: exercise.id, title: exercise.title } };
    const body = [
      `<header><h1>${esc(pageText(l, 'dashboard'))}: ${esc(exercise.id)} ${esc(exercise.title)}</h1>${exerciseNav([...ctx.rooms.keys()], '/teacher', exercise.id)}</header>`,
      '<main class="teacher"><section><table id="learners"><thead><tr><th>id</th><th>name</th><th>state</th><th>checks</th><th>score</th><th>hand-in</th><th>time</th><th>last activity</th><th></th></tr></thead><tbody></tbody></table>',
      '<h2>checks</h2><table id="checks"><tbody></tbody></table><h2>gradebooks</h2><ul id="gradebooks"></ul></section>',
      '<section><h2 id="watch-title"></h2><nav id="watch-tabs"></nav><div id="watch"></div></section></main>',
    ].join('\n');
    return reply.type('text/html; charset=utf-8').send(page({ lang: l, title: `${exercise.id} dashboard`, nonce: req.nonce, data, body, scripts: ['nonce-shim.js', 'xterm.js', 'addon-fit.js', 'teacher.js'], styles: ['xterm.css', 'serve.css'] }));
  });

  app.get('/api/teacher/class', async (req) => {
    // Hand-ins are read from the class records, so a restarted server still shows them.
    const room = roomOf(ctx, req);
    const recorded = new Map(classEntries(ctx.classDir).filter((e) => e.exercise === room.exercise.id).map((e) => [e.learner, e]));
    const facts = await Promise.all(room.learners().map((learner) => learnerFacts(ctx, room, learner.id, learner.name, recorded.get(learner.id) ?? null)));
    return { ...classView({ id: room.exercise.id, title: room.exercise.title }, room.exercise.checks, facts), nodes: room.exercise.nodes.map((n) => n.name) };
  });

  for (const action of ['start', 'stop', 'reset'] as const) {
    app.post(`/api/teacher/learner/:learner/${action}`, { schema: { params: LEARNER_PARAM } }, async (req) => {
      const id = learnerOf(ctx, req);
      const room = roomOf(ctx, req);
      if (action === 'start') await room.labOf(id, room.langOf(id, 'en'));
      else if (action === 'stop') await room.stopLab(id);
      else await room.resetLab(id);
      return { ok: true };
    });
  }

  app.get('/api/teacher/gradebook', async () => ({ files: gradebookFiles(ctx.classDir) }));

  app.get('/api/teacher/gradebook/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!gradebookFiles(ctx.classDir).includes(name)) return reply.code(404).send({ error: 'No such gradebook file; hand-ins make them.' });
    const type = name.endsWith('.csv') ? 'text/csv; charset=utf-8' : name.endsWith('.json') ? 'application/json' : name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    // A download, never a page of this origin: an HTML report's own markup must not run here.
    reply.header('content-disposition', `attachment; filename="${name}"`);
    return reply.type(type).send(await readFile(join(ctx.classDir, name)));
  });

  app.get('/ws/teacher/watch/:learner/:node', { websocket: true }, (socket, req) => {
    const { learner, node } = req.params as { learner: string; node: string };
    const opening = (async () => {
      const room = roomOf(ctx, req);
      if (!room.learner(learner)) throw new UserError('No such learner.');
      const lab = await room.runningLab(learner);
      const term = lab ? await lab.openShell(node) : null;
      if (!term) throw new UserError('This learner has no open shell on that node.');
      return term;
    })();
    bridgeTerminal(socket, opening, { since: clamp((req.query as Record<string, string | undefined>).since, 0, Number.MAX_SAFE_INTEGER, 0), readOnly: true, limits: ctx.limits, onError: (e) => refuse(socket, e) });
  });
}

function learnerOf(ctx: ServeContext, req: FastifyRequest): string {
  const { learner } = req.params as { learner: string };
  if (!roomOf(ctx, req).learner(learner)) throw Object.assign(new Error('no such learner'), { statusCode: 404 });
  return learner;
}

async function learnerFacts(ctx: ServeContext, room: ClassRoom, id: string, name: string, recorded: BatchEntry | null): Promise<LearnerFacts> {
  const running = room.runningLab(id);
  const lab = running ? await running.catch(() => null) : null;
  const handed = lab?.handedIn ?? recorded?.result ?? null;
  return {
    id,
    name,
    state: handed ? 'handed-in' : lab ? lab.state(ctx.idleMs) : room.joinedAt(id) === null ? 'invited' : 'stopped',
    running: lab !== null,
    joinedAt: room.joinedAt(id),
    lastActivity: lab?.lastActivity ?? null,
    checks: lab?.checklist.current?.result.checks ?? null,
    handedIn: handed ? { earned: handed.score.earned, possible: handed.score.possible, status: handed.status } : null,
  };
}

