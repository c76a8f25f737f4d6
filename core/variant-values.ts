// A variant's values: each param picked by a PRNG seeded from a hash of exercise id and variant
// id, so the same learner always gets the same lab and no two runs need to agree on anything else.

import { createHash } from 'node:crypto';
import { UserError } from './errors.js';
import type { ParamSpec, ParamValue } from './exercise.js';
import { blockSize, formatIpv4, parseCidr } from './ipv4.js';

/** A variant id as a learner or a batch writes it: a name, a student number, an e-mail address. */
export function checkVariantId(id: string): string {
  const trimmed = id.trim();
  if (!trimmed || trimmed.length > 200 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new UserError(`"${id}" is not a variant id; use a short name such as your login or student number.`);
  }
  return trimmed;
}

/** Each param's value: its default for the lesson's variant (null), else picked from the variant's seed. */
export function paramValues(exerciseId: string, params: readonly ParamSpec[], variant: string | null): Record<string, ParamValue> {
  if (variant === null) return Object.fromEntries(params.map((p) => [p.name, p.default]));
  const random = seededRandom(`${exerciseId}\n${variant}`);
  const values: Record<string, ParamValue> = {};
  const subnets: { network: number; size: number }[] = [];
  const taken = new Map<string, Set<number>>();
  for (const p of params) {
    if (p.type === 'subnet') {
      const picked = pickSubnet(p, subnets, random);
      subnets.push(picked);
      values[p.name] = `${formatIpv4(picked.network)}/${parseCidr(String(p.default))!.prefix}`;
    } else {
      const used = p.group ? (taken.get(p.group) ?? new Set<number>()) : new Set<number>();
      const n = pickInt(p.min, p.max, used, random);
      if (p.group) taken.set(p.group, used.add(n));
      values[p.name] = n;
    }
  }
  return values;
}

/** sfc32 seeded from SHA-256: small, fast, and the same on every machine and Node version. */
export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest();
  let [a, b, c, d] = [h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12)];
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 2 ** 32;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A whole number in min..max that is not in `used` (the loader proved one is always left). */
function pickInt(min: number, max: number, used: ReadonlySet<number>, random: () => number): number {
  const blocked = [...used].filter((n) => n >= min && n <= max).sort((x, y) => x - y);
  let n = min + Math.floor(random() * (max - min + 1 - blocked.length));
  // Step over the values already taken, in order, so the pick stays uniform over the free ones.
  for (const b of blocked) if (b <= n) n++;
  return n;
}

/** A block of the default's size inside `within`, apart from the subnets picked before it. */
function pickSubnet(p: ParamSpec, picked: readonly { network: number; size: number }[], random: () => number): { network: number; size: number } {
  const size = blockSize(parseCidr(String(p.default))!.prefix);
  const ranges = p.within.map((w) => parseCidr(w)!).map((r) => ({ start: r.network, blocks: blockSize(r.prefix) / size }));
  const total = ranges.reduce((sum, r) => sum + r.blocks, 0);
  const at = (index: number): number => {
    for (const r of ranges) {
      if (index < r.blocks) return r.start + index * size;
      index -= r.blocks;
    }
    return ranges[0]!.start;
  };
  const apart = (network: number) => picked.every((q) => network + size <= q.network || q.network + q.size <= network);
  const first = Math.floor(random() * total);
  // Walk on from the random block: with a few params in a wide range this stops at once.
  for (let i = 0; i < total; i++) {
    const network = at((first + i) % total);
    if (apart(network)) return { network, size };
  }
  throw new UserError(`params.${p.name}: within (${p.within.join(', ')}) has no /${32 - Math.log2(size)} left apart from the other subnet params; widen it.`);
}
