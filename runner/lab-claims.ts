// A `grade serve` claims each learner's lab in its state folder (STATE/labs/LAB.json), so a crashed
// server's labs wait for its restart, which re-attaches them, instead of being reaped as orphans.
// A normal stop removes the labs and their claims; `grade clean` or removing the folder frees them.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { LABEL } from './labels.js';

/** What a claim says: whose lab it is, for which exercise, since when. */
export interface LabClaim {
  readonly lab: string;
  readonly learner: string;
  readonly exercise: string;
  readonly joinedAt: number | null;
  /** The learner's language when the lab was made (en, ko), if known. */
  readonly lang: string | null;
}

const CLAIMS = 'labs';
const LAB_ID = /^[A-Za-z0-9_.-]{1,80}$/;

function claimFile(stateDir: string, lab: string): string {
  if (!LAB_ID.test(lab)) throw new Error(`"${lab}" is not a lab id`);
  return join(stateDir, CLAIMS, `${lab}.json`);
}

/** Whether a lab's labels name a serve state folder that still claims it. */
export function claimed(labels: Readonly<Record<string, string>>): boolean {
  const state = labels[LABEL.serveState];
  const lab = labels[LABEL.lab];
  return state !== undefined && isAbsolute(state) && lab !== undefined && LAB_ID.test(lab) && existsSync(claimFile(state, lab));
}

/** Claim a lab (written whole: a new file renamed into place). */
export async function writeClaim(stateDir: string, claim: LabClaim): Promise<void> {
  await mkdir(join(stateDir, CLAIMS), { recursive: true });
  const file = claimFile(stateDir, claim.lab);
  await writeFile(`${file}.new`, JSON.stringify(claim));
  await rename(`${file}.new`, file);
}

export async function dropClaim(stateDir: string, lab: string): Promise<void> {
  await rm(claimFile(stateDir, lab), { force: true });
}

/** Every claim of the folder that reads as one (a torn or foreign file is skipped). */
export async function readClaims(stateDir: string): Promise<LabClaim[]> {
  const names = await readdir(join(stateDir, CLAIMS)).catch(() => [] as string[]);
  const claims: LabClaim[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const c = JSON.parse(await readFile(join(stateDir, CLAIMS, name), 'utf8')) as Partial<LabClaim>;
      if (typeof c.lab === 'string' && `${c.lab}.json` === name && typeof c.learner === 'string' && typeof c.exercise === 'string') {
        claims.push({ lab: c.lab, learner: c.learner, exercise: c.exercise, joinedAt: typeof c.joinedAt === 'number' ? c.joinedAt : null, lang: typeof c.lang === 'string' ? c.lang : null });
      }
    } catch {
      // not a claim this server wrote whole
    }
  }
  return claims;
}
