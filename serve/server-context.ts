// What the routes share: the class, who is asking, the rules of the sockets, the gradebook writer.
import { UserError } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import type { ClassRoom } from './class-room.js';
import type { Identity, Principal } from './identity.js';
import type { SocketLimits } from './terminal-socket.js';
import type { StaticFile } from './static-files.js';

export interface ServeContext {
  /** Each exercise's class, by exercise id, in the order served (the first is the default). */
  readonly rooms: ReadonlyMap<string, ClassRoom>;
  readonly identity: Identity;
  readonly secret: () => Buffer;
  /** The origins the server's own pages have (its URL and --public-url): the only ones that may post or open sockets. */
  readonly origins: readonly string[];
  readonly limits: SocketLimits;
  readonly idleMs: number;
  readonly classDir: string;
  readonly files: ReadonlyMap<string, StaticFile>;
  /** Rewrite the gradebooks from the class records (after each hand-in). */
  readonly writeGradebook: () => Promise<string[]>;
  /** The teacher's language for the dashboard's fixed words. */
  readonly teacherLang: Lang;
  readonly log: (line: string) => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    nonce: string;
  }
}

const EXERCISE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The class of the exercise a request names (`?ex=ex03`), or the first served; another is refused in one sentence. */
export function roomOf(ctx: Pick<ServeContext, 'rooms'>, req: { readonly query: unknown }): ClassRoom {
  const ex = (req.query as Record<string, unknown> | undefined)?.ex;
  if (ex === undefined || ex === '') return ctx.rooms.values().next().value!;
  const room = typeof ex === 'string' && EXERCISE_ID.test(ex) ? ctx.rooms.get(ex) : undefined;
  if (!room) throw new UserError(`This server does not serve that exercise; it serves ${[...ctx.rooms.keys()].join(', ')}.`);
  return room;
}
