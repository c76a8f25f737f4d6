// The `params:` block of an exercise with variants, checked beyond its schema: ranges that hold
// their defaults, subnets that cannot overlap, groups that can always take different values.

import type { ParamSpec, ParamType } from './exercise.js';
import { blockSize, parseCidr } from './ipv4.js';

type Path = (string | number)[];
export type Fail = (path: Path, message: string) => never;

/** Names a param may not take: the check-time placeholders, the helpers and handlebars' own words. */
export const RESERVED_NAMES = new Set(['token', 'nonce', 'port', 'addr', 'net', 'mask', 'if', 'unless', 'each', 'with', 'lookup', 'log', 'this', 'else']);

export interface RawParam {
  type: ParamType;
  default: string | number;
  within?: string | string[];
  min?: number;
  max?: number;
  group?: string;
  description?: string;
}

/** The validated params, in the file's order (which is also the order variants pick them in). */
export function buildParams(raw: Record<string, RawParam>, fail: Fail): ParamSpec[] {
  const params = Object.entries(raw).map(([name, p]) => buildParam(name, p, fail));
  checkSubnetsApart(params, fail);
  checkGroups(params, fail);
  return params;
}

function buildParam(name: string, p: RawParam, fail: Fail): ParamSpec {
  const at = ['params', name];
  if (RESERVED_NAMES.has(name)) fail(at, `the name "${name}" is taken (${[...RESERVED_NAMES].slice(0, 6).join(', ')} and handlebars' own words are reserved); choose another`);
  const extra = { ...(p.group ? { group: p.group } : {}), ...(p.description ? { description: p.description } : {}) };
  if (p.type === 'subnet') {
    const def = networkOf(String(p.default), [...at, 'default'], fail);
    const within = (Array.isArray(p.within) ? p.within : [p.within ?? '']).map((w, i) => {
      const where = Array.isArray(p.within) ? [...at, 'within', i] : [...at, 'within'];
      const range = networkOf(w, where, fail);
      if (range.prefix > def.prefix) fail(where, `"${w}" is smaller than the default's /${def.prefix}; a variant picks a /${def.prefix} inside it`);
      return w;
    });
    if (!within.some((w) => contains(parseCidr(w)!, def))) fail([...at, 'default'], `${String(p.default)} is not inside within (${within.join(', ')})`);
    return { name, type: 'subnet', default: String(p.default), within, min: 0, max: 0, ...extra };
  }
  const min = p.min ?? (p.type === 'port' ? 1024 : 0);
  const max = p.max ?? 65535;
  if (min > max) fail([...at, 'min'], `${min} is above max ${max}`);
  const def = Number(p.default);
  if (def < min || def > max) fail([...at, 'default'], `${def} is outside the range ${min}..${max}`);
  return { name, type: p.type, default: def, within: [], min, max, ...extra };
}

/** A subnet written by its network address: 192.168.1.0/24, not 192.168.1.7/24. */
function networkOf(text: string, at: Path, fail: Fail): { network: number; prefix: number } {
  const parsed = parseCidr(text);
  if (!parsed) return fail(at, `"${text}" is not a valid IPv4 subnet`);
  if (parsed.network % blockSize(parsed.prefix) !== 0) fail(at, `"${text}" is not a network address; write the subnet's first address, with its prefix`);
  return parsed;
}

function contains(outer: { network: number; prefix: number }, inner: { network: number; prefix: number }): boolean {
  return outer.prefix <= inner.prefix && inner.network >= outer.network && inner.network < outer.network + blockSize(outer.prefix);
}

/** Variants keep subnet params apart, so their defaults must already be. */
function checkSubnetsApart(params: readonly ParamSpec[], fail: Fail): void {
  const subnets = params.filter((p) => p.type === 'subnet');
  subnets.forEach((p, i) => {
    const a = parseCidr(String(p.default))!;
    for (const q of subnets.slice(0, i)) {
      const b = parseCidr(String(q.default))!;
      if (contains(a, b) || contains(b, a)) fail(['params', p.name, 'default'], `${String(p.default)} overlaps ${q.name} (${String(q.default)}); subnet params are always apart`);
    }
  });
}

/** Every member of a group can take a value the others do not: each range is at least as large as the group. */
function checkGroups(params: readonly ParamSpec[], fail: Fail): void {
  const groups = new Map<string, ParamSpec[]>();
  for (const p of params) if (p.group) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  for (const [group, members] of groups) {
    members.forEach((p, i) => {
      const clash = members.slice(0, i).find((q) => q.default === p.default);
      if (clash) fail(['params', p.name, 'default'], `${String(p.default)} is also ${clash.name}'s default; params of group "${group}" take different values`);
      if (p.max - p.min + 1 < members.length) fail(['params', p.name, 'min'], `the range ${p.min}..${p.max} has fewer values than group "${group}" has members (${members.length})`);
    });
  }
}
