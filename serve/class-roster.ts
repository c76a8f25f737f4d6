// Who may join: the Canvas gradebook export `grade batch --roster` reads, or a plain CSV
// `id,name[,lang]` (a header row naming "id" is skipped).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseCanvasRoster, type Roster } from '../lms/canvas-roster.js';
import { UserError } from '../core/errors.js';
import { LANGS, type Lang } from '../core/lang.js';

export interface Learner {
  readonly id: string;
  readonly name: string;
  /** From the roster's third column; null: the browser's language decides. */
  readonly lang: Lang | null;
}

export interface ClassRoster {
  readonly learners: readonly Learner[];
  /** The Canvas roster, when the file was one: the Canvas gradebook is then written too. */
  readonly canvas: Roster | null;
}

// Learner ids travel in links, labels and file names: a conservative shape keeps them inert everywhere.
const LEARNER_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function readClassRoster(path: string): ClassRoster {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`--roster ${path}: no such readable file; pass a Canvas gradebook export or a CSV of id,name[,lang].`);
  }
  return parseClassRoster(text, path);
}

export function parseClassRoster(text: string, source: string): ClassRoster {
  const firstLine = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  if (/^"?Student"?\s*[,;]\s*"?ID"?/.test(firstLine)) {
    const canvas = parseCanvasRoster(text, source);
    const learners = canvas.students.filter((s) => s.id !== '').map((s) => ({ id: checkedId(s.id, source), name: s.name, lang: null }));
    return { learners: unique(learners, source), canvas };
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UserError(`${source} is not a readable CSV file (${(error as Error).message}); write one learner a line: id,name[,lang].`);
  }
  if (rows[0]?.[0]?.toLowerCase() === 'id') rows = rows.slice(1);
  const learners = rows.map((r, i) => {
    const [id = '', name = '', lang = ''] = r;
    if (lang !== '' && !(LANGS as readonly string[]).includes(lang)) throw new UserError(`${source} line ${i + 1}: the language "${lang}" is not one of ${LANGS.join(', ')}.`);
    return { id: checkedId(id, source), name: name || id, lang: lang === '' ? null : (lang as Lang) };
  });
  if (learners.length === 0) throw new UserError(`${source} names no learner; write one a line: id,name[,lang].`);
  return { learners: unique(learners, source), canvas: null };
}

function checkedId(id: string, source: string): string {
  if (!LEARNER_ID.test(id)) throw new UserError(`${source}: "${id.slice(0, 40)}" is not a learner id grade serve takes (letters, digits, . _ @ -, up to 64).`);
  return id;
}

function unique(learners: Learner[], source: string): Learner[] {
  const seen = new Set<string>();
  for (const l of learners) {
    if (seen.has(l.id)) throw new UserError(`${source} names the learner id "${l.id}" twice; each learner needs an id of their own.`);
    seen.add(l.id);
  }
  return learners;
}
