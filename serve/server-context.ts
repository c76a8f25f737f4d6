// What the routes share: the class, who is asking, the rules of the sockets, the gradebook writer.
import type { Lang } from '../core/lang.js';
import type { ClassRoom } from './class-room.js';
import type { Identity, Principal } from './identity.js';
import type { SocketLimits } from './terminal-socket.js';
import type { StaticFile } from './static-files.js';

export interface ServeContext {
  readonly room: ClassRoom;
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
