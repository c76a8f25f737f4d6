// Wires `grade serve`: the roster, the state folder, the class room on the engine, identity, the
// HTTP server, the idle sweep; and one close() that stops them all (labs removed, histories kept).
import type { CheckKind } from '../checks/check-kind.js';
import type { Exercise } from '../core/exercise.js';
import type { Lang } from '../core/lang.js';
import type { VariantForms } from '../cli/write-gradebook.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { buildServer } from './app.js';
import { writeClassGradebook } from './class-gradebook.js';
import { ClassRoom, dropForeignClaims } from './class-room.js';
import type { ClassRoster } from './class-roster.js';
import { signedLinkIdentity } from './identity.js';
import { joinLink } from './join-links.js';
import { baseUrl, type ServeOptions } from './serve-options.js';
import { openServerState, type ServerState } from './server-state.js';
import { staticFiles } from './static-files.js';

export interface ServeDeps {
  /** The exercises served, as options.exercises names them, in that order. */
  readonly exercises: readonly Exercise[];
  readonly roster: ClassRoster;
  readonly forms: VariantForms;
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly tracker: LabTracker;
  readonly lang: Lang;
  readonly log: (line: string) => void;
}

export interface RunningServer {
  /** Where it answers (http://host:port, or --public-url). */
  readonly url: string;
  readonly teacherLink: string;
  /** The first exercise's class. */
  readonly room: ClassRoom;
  /** Every exercise's class, by exercise id. */
  readonly rooms: ReadonlyMap<string, ClassRoom>;
  readonly secret: () => Buffer;
  close(): Promise<void>;
}

const SESSION_HOURS = 12;

export async function startServer(options: ServeOptions, deps: ServeDeps): Promise<RunningServer> {
  const state = openServerState(options.state);
  const ids = new Set(deps.roster.learners.map((l) => l.id));
  const identity = signedLinkIdentity(() => state.secret(), SESSION_HOURS, (p) => (p.role === 'teacher' ? p.id === 'teacher' : ids.has(p.id)));
  const rooms = classRooms(options, deps, state);
  const room = rooms.get(deps.exercises[0]!.id)!;
  // Before the first request: a learner joining now gets their own lab back, not a new one.
  await dropForeignClaims(state.dir, [...rooms.keys()], deps.engine);
  const back = (await Promise.all([...rooms.values()].map((r) => r.reattach()))).flat();
  if (back.length > 0) deps.log(`grade serve: ${back.length} learner lab(s) of ${options.state} found running again.`);
  const origins: string[] = [];
  const app = await buildServer({
    rooms,
    identity,
    secret: () => state.secret(),
    origins,
    limits: { maxMessageBytes: 64 * 1024, messagesPerSecond: 200 },
    idleMs: options.idleMinutes * 60_000,
    classDir: state.classDir,
    files: staticFiles(),
    writeGradebook: () => writeClassGradebook({ classDir: state.classDir, exercises: deps.exercises, forms: deps.forms, lang: deps.lang, canvas: deps.roster.canvas }),
    teacherLang: deps.lang,
    log: deps.log,
  });
  await app.listen({ host: options.host, port: options.port });
  const port = (app.server.address() as { port: number }).port;
  const url = baseUrl(options, port);
  origins.push(url, baseUrl({ ...options, publicUrl: null }, port));
  if (options.host === '127.0.0.1') origins.push(`http://localhost:${port}`);
  for (const r of rooms.values()) r.fillPool();
  const sweep = setInterval(() => void Promise.all([...rooms.values()].map((r) => r.stopIdle())).catch((e: unknown) => deps.log(`grade serve: idle stop failed: ${String(e)}`)), 30_000);
  sweep.unref();
  let closing: Promise<void> | null = null;
  return {
    url,
    teacherLink: joinLink(url, state.secret(), { id: 'teacher', role: 'teacher' }, SESSION_HOURS),
    room,
    rooms,
    secret: () => state.secret(),
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweep);
        await app.close();
        await Promise.all([...rooms.values()].map((r) => r.close()));
        await deps.tracker.disposeAll();
      })()),
  };
}

/** A class room per exercise, in the order served, under the server's one cap on labs. */
function classRooms(options: ServeOptions, deps: ServeDeps, state: ServerState): Map<string, ClassRoom> {
  const rooms = new Map<string, ClassRoom>();
  // Each room counts the labs of the others against the cap.
  const elsewhere = (id: string) => () => [...rooms.values()].filter((r) => r.exercise.id !== id).reduce((n, r) => n + r.runningCount() + r.pooledCount(), 0);
  for (const exercise of deps.exercises) {
    const room = new ClassRoom({
      exercise,
      labsElsewhere: elsewhere(exercise.id),
      variantFor: (e, learner) => deps.forms(e, learner),
      roster: deps.roster,
      kinds: deps.kinds,
      engine: deps.engine,
      image: deps.image,
      tracker: deps.tracker,
      stateDir: state.dir,
      classDir: state.classDir,
      maxLabs: options.maxLabs,
      pool: options.pool,
      idleMs: options.idleMinutes * 60_000,
    });
    rooms.set(exercise.id, room);
  }
  return rooms;
}
