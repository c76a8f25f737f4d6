// The learner's routes: their page, their checklist and map, their node's shells, reset and hand in.
// Each acts on the signed-in learner's own lab only: no route takes a learner id.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InfraError, UserError } from '../core/errors.js';
import { readmeOf } from '../core/exercise-texts.js';
import type { Lang } from '../core/lang.js';
import { mapView } from '../reports/map-view.js';
import { taskOf } from '../cli/commands/lab-commands.js';
import { csrfToken } from './join-token.js';
import { checklistView } from './checklist-view.js';
import { esc, exerciseNav, page } from './html.js';
import { browserLang, pageText, pageWords } from './page-texts.js';
import { roomOf, type ServeContext } from './server-context.js';
import { bridgeTerminal } from './terminal-socket.js';

const NODE = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,29}$' } as const;

/** How a request names its learner, their language and their lab (the session's learner only). */
interface LearnerOfRequest {
  readonly me: (req: FastifyRequest) => string;
  readonly lang: (req: FastifyRequest) => Lang;
  readonly labOf: (req: FastifyRequest) => ReturnType<ReturnType<typeof roomOf>['labOf']>;
}

export function registerLearnerRoutes(app: FastifyInstance, ctx: ServeContext): void {
  const me = (req: FastifyRequest) => req.principal!.id;
  const lang = (req: FastifyRequest): Lang => roomOf(ctx, req).langOf(me(req), browserLang(req.headers['accept-language']));
  const who: LearnerOfRequest = { me, lang, labOf: (req) => roomOf(ctx, req).labOf(me(req), lang(req)) };
  app.get('/learn', async (req, reply) => {
    if (!roomOf(ctx, req).hasRoomFor(me(req))) throw new UserError(`The class's labs are all in use; try again in a minute, or ask your teacher.`);
    // The page comes at once; the lab starts behind it, and the terminals wait for it.
    who.labOf(req).catch(() => undefined);
    return reply.type('text/html; charset=utf-8').send(learnerPage(ctx, req, lang(req)));
  });
  registerLearnerApi(app, ctx, who);
  registerLearnerSockets(app, ctx, who);
}

/** The learner page: the exercise in the learner's language, the tabs, checklist, map and report. */
function learnerPage(ctx: ServeContext, req: FastifyRequest, l: Lang): string {
  const room = roomOf(ctx, req);
  const exercise = room.exerciseOf(req.principal!.id);
  const learner = room.learner(req.principal!.id)!;
  const title = (l === 'ko' ? exercise.texts?.ko?.title : undefined) ?? exercise.title;
  const readme = readmeOf(exercise, l);
  const task = readme !== null ? taskOf(readme, exercise.id) : exercise.summary;
  const nodes = exercise.nodes.map((n) => ({ name: n.name, owner: n.owner }));
  const data = { lang: l, words: pageWords(l), csrf: csrfToken(ctx.secret(), req.principal!.session), nodes, exercise: { id: exercise.id, title } };
  const body = [
    `<header><h1>${esc(exercise.id)} ${esc(title)}</h1>${exerciseNav([...ctx.rooms.keys()], '/learn', exercise.id)}<span class="who">${esc(learner.name)}</span>`,
    `<button id="reset-lab">${esc(pageText(l, 'resetLab'))}</button><button id="hand-in">${esc(pageText(l, 'handIn'))}</button></header>`,
    `<main><section class="work"><nav id="tabs"></nav><div id="terminals"></div></section>`,
    `<aside><h2>${esc(pageText(l, 'checklist'))}</h2><p id="score"></p><ul id="checklist"></ul>`,
    `<h2>${esc(pageText(l, 'map'))}</h2><img id="map" alt="${esc(pageText(l, 'map'))}" src="/api/learner/map.svg?ex=${esc(encodeURIComponent(exercise.id))}">`,
    `<h2>${esc(pageText(l, 'report'))}</h2><div id="report"></div>`,
    `<details><summary>${esc(pageText(l, 'task'))}</summary>`,
    exercise.lesson ? `<p>${esc(pageText(l, 'lesson'))}: ${esc(exercise.lesson)}</p>` : '',
    `<pre class="task">${esc(task)}</pre></details></aside></main>`,
  ].join('\n');
  return page({ lang: l, title: `${exercise.id} ${title}`, nonce: req.nonce, data, body, scripts: ['nonce-shim.js', 'xterm.js', 'addon-fit.js', 'learner.js'], styles: ['xterm.css', 'serve.css'] });
}

/** The learner's own lab: its checklist and map, resets and the hand-in. No route takes a learner id. */
function registerLearnerApi(app: FastifyInstance, ctx: ServeContext, { me, lang, labOf }: LearnerOfRequest): void {
  app.get('/api/learner/checklist', async (req) => {
    const current = (await labOf(req)).checklist.current;
    return current ? checklistView(current) : null;
  });

  app.get('/api/learner/map.svg', async (req, reply) => {
    const current = (await labOf(req)).checklist.current;
    if (!current) return reply.code(404).send({ error: 'The lab has not been checked yet.' });
    return reply.type('image/svg+xml').send(mapView(current.result.topology, current.result.checks, lang(req)).topologySvg);
  });

  app.post('/api/learner/reset-node', { schema: { body: { type: 'object', required: ['node'], additionalProperties: false, properties: { node: NODE } } } }, async (req) => {
    await roomOf(ctx, req).resetNode(me(req), (req.body as { node: string }).node);
    return { ok: true };
  });

  app.post('/api/learner/reset-lab', async (req) => {
    await roomOf(ctx, req).resetLab(me(req));
    return { ok: true };
  });

  app.post('/api/learner/hand-in', async (req) => {
    const lab = await roomOf(ctx, req).handIn(me(req));
    await ctx.writeGradebook();
    return lab.handedIn ? { report: checklistView({ result: lab.handedIn, changes: [] }) } : { invalid: 'Nothing typed yet: type the commands in your nodes, then hand in.' };
  });
}

/** The learner's terminals and live checklist, over WebSockets. */
function registerLearnerSockets(app: FastifyInstance, ctx: ServeContext, { labOf }: LearnerOfRequest): void {
  app.get('/ws/learner/terminal/:node', { websocket: true }, (socket, req) => {
    const { node } = req.params as { node: string };
    const q = req.query as Record<string, string | undefined>;
    // Started in a promise, so a refused exercise (?ex=) reaches the socket as a message.
    const opening = Promise.resolve(req).then(labOf).then((lab) => {
      if (!lab.lab.nodeNames.includes(node)) throw new UserError(`"${node}" is not a node of ${lab.exercise.id}.`);
      lab.touch();
      return lab.terminal(node, { cols: clamp(q.cols, 2, 500, 80), rows: clamp(q.rows, 2, 200, 24) });
    });
    bridgeTerminal(socket, opening, { since: clamp(q.since, 0, Number.MAX_SAFE_INTEGER, 0), readOnly: false, limits: ctx.limits, onError: (e) => refuse(socket, e) });
  });

  app.get('/ws/learner/checklist', { websocket: true }, async (socket, req) => {
    try {
      const lab = await labOf(req);
      const send = (view: object) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(view));
      if (lab.checklist.current) send(checklistView(lab.checklist.current));
      const stop = lab.checklist.subscribe((u) => send(checklistView(u)));
      socket.on('close', stop);
      socket.on('message', () => socket.close(1008, 'this socket only listens'));
    } catch (error) {
      refuse(socket, error);
    }
  });
}

/** A socket that cannot be served is told why in a message (a close reason is capped at 123 bytes), then closed. */
export function refuse(socket: { readyState: number; OPEN: number; send(data: string): void; close(code: number, reason: string): void }, error: unknown): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(JSON.stringify({ t: 'error', error: error instanceof UserError || error instanceof InfraError ? error.message : 'The server failed to open this.' }));
  socket.close(1011, 'could not open');
}

export function clamp(value: string | undefined, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}
