// `grade serve` and `grade serve links` options, checked once, every default in one place.
import { UserError } from '../core/errors.js';

export interface ServeOptions {
  readonly roster: string;
  /** The exercises served, each learner with a lab of their own for each (the first is the one a join link opens). */
  readonly exercises: readonly string[];
  readonly host: string;
  readonly port: number;
  /** Where learners reach the server (a reverse proxy with TLS), if not http://host:port. */
  readonly publicUrl: string | null;
  readonly state: string;
  readonly maxLabs: number;
  readonly idleMinutes: number;
  readonly linkHours: number;
  /** Labs started ahead of time (the warm pool). */
  readonly pool: number;
}

export interface RawServeOptions {
  roster?: string;
  exercise?: string | string[];
  host?: string;
  port?: string;
  publicUrl?: string;
  state?: string;
  maxLabs?: string;
  idle?: string;
  linkHours?: string;
  pool?: string;
}

export function serveOptions(raw: RawServeOptions): ServeOptions {
  if (!raw.roster) throw new UserError('--roster FILE is required: a Canvas gradebook export, or a CSV of id,name[,lang].');
  const exercises = Array.isArray(raw.exercise) ? raw.exercise : raw.exercise ? [raw.exercise] : [];
  if (exercises.length === 0) throw new UserError('name an exercise: --exercise ex01 (repeat it for more: --exercise ex01 --exercise ex03).');
  const twice = exercises.find((e, i) => exercises.indexOf(e) !== i);
  if (twice !== undefined) throw new UserError(`--exercise ${twice} is named twice; name each exercise once.`);
  const publicUrl = raw.publicUrl ? checkedUrl(raw.publicUrl) : null;
  return {
    roster: raw.roster,
    exercises,
    host: raw.host ?? '127.0.0.1',
    port: whole('--port', raw.port, 0, 65535, 8080),
    publicUrl,
    state: raw.state ?? 'grade-serve',
    maxLabs: whole('--max-labs', raw.maxLabs, 1, 500, 60),
    idleMinutes: whole('--idle', raw.idle, 1, 24 * 60, 30),
    linkHours: whole('--link-hours', raw.linkHours, 1, 24 * 365, 24 * 7),
    pool: whole('--pool', raw.pool, 0, 500, 0),
  };
}

/** Where the server's pages are: --public-url, else http://host:port (a name for an address that listens everywhere). */
export function baseUrl(o: Pick<ServeOptions, 'host' | 'port' | 'publicUrl'>, port = o.port): string {
  if (o.publicUrl) return o.publicUrl;
  const host = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host.includes(':') ? `[${o.host}]` : o.host;
  return `http://${host}:${port}`;
}

function checkedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`--public-url ${value} is not a URL; write it as https://grade.school.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserError(`--public-url ${value} must start with https:// (or http://).`);
  return url.origin;
}

function whole(name: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`${name} takes a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}
