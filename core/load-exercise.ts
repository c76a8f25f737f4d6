import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createAjv, describeAjvErrors } from './ajv.js';
import type { CheckKindSpec } from './check-kind-spec.js';
import { UserError } from './errors.js';
import {
  DEFAULT_LIMITS,
  type CheckSpec,
  type Exercise,
  type InterfaceSpec,
  type LabNeed,
  type NetworkSpec,
  type NodeOwner,
  type NodeRole,
  type NodeSpec,
  type ParamSpec,
  type RouteSpec,
  type ServiceSpec,
  type WrongCase,
} from './exercise.js';
import { exerciseSchema, paramsSchema, wrongCaseSchema } from './exercise-schema.js';
import { readTranslation } from './exercise-translation.js';
import { isValidCidr, isValidIpv4 } from './ipv4.js';
import { buildParams, type RawParam } from './params.js';
import { lazy } from './lazy.js';
import { renderTemplate } from './render-template.js';
import { submissionNodeFiles } from './submission.js';
import { checkVariantId, paramValues } from './variant-values.js';
import { SourceFile, type Path } from './yaml-source.js';

const ajv = lazy(createAjv);
const validateExerciseShape = lazy(() => ajv().compile(exerciseSchema));
const validateWrongCase = lazy(() => ajv().compile(wrongCaseSchema));
const validateParams = lazy(() => ajv().compile({ type: 'object', properties: { params: paramsSchema } }));
const COMMON_CHECK_FIELDS = new Set(['id', 'title', 'kind', 'points', 'hint', 'because']);

/**
 * Read, validate and fill in defaults for one exercise folder. Throws UserError naming file, path and fix.
 * An exercise with `params:` is rendered for `variant` first (null: the lesson's values, its defaults).
 */
export function loadExercise(dir: string, kinds: ReadonlyMap<string, CheckKindSpec>, shownFrom = process.cwd(), variant: string | null = null): Exercise {
  const { src, data, params, id, paramVals, render } = readExerciseFile(dir, shownFrom, variant);
  const networks = buildNetworks(src, data);
  const networkNames = new Set(networks.map((n) => n.name));
  const nodes: NodeSpec[] = Object.entries(data.nodes).map(([name, n]) => buildNode(src, name, n, networkNames));
  const used = new Set(nodes.flatMap((n) => n.interfaces.map((i) => i.network)));
  for (const n of networks) if (!used.has(n.name)) src.fail(['networks', n.name], 'no node has an interface on this network');

  const checks = buildChecks(src, data, kinds, nodes.map((n) => n.name));
  const ko = readTranslation(dir, checks, shownFrom, render, (f, shownAs, t) => new SourceFile(f, shownAs, t));
  const { solutionDir, alternatives, wrongCases } = knownSolutions(dir, nodes, new Set(checks.map((c) => c.id)), shownFrom, render, params.length > 0);
  return {
    id: data.id,
    slug: basename(dir),
    dir,
    title: data.title,
    summary: data.summary,
    concepts: data.concepts ?? [],
    needs: data.needs ?? [],
    ...(data.lesson ? { lesson: data.lesson } : {}),
    networks,
    nodes,
    checks,
    limits: { ...DEFAULT_LIMITS, ...(data.limits ?? {}) },
    solutionDir,
    alternatives,
    wrongCases,
    params,
    variant: id,
    paramValues: paramVals,
    texts: ko ? { ko } : {},
  };
}

/** exercise.yaml read, rendered for the variant (if it has params) and checked against the schema and its folder name. */
function readExerciseFile(dir: string, shownFrom: string, variant: string | null) {
  const file = join(dir, 'exercise.yaml');
  const shown = relative(shownFrom, file) || file;
  if (!existsSync(file)) throw new UserError(`${shown}: missing; every exercise folder needs an exercise.yaml.`);
  const text = readFileSync(file, 'utf8');
  const folderId = basename(dir).split('-')[0]!;
  const params = readParams(file, shown, text);
  if (variant !== null && params.length === 0) {
    throw new UserError(`${folderId} has no variants (its exercise.yaml has no params:); run it without --variant.`);
  }
  const id = variant === null ? null : checkVariantId(variant);
  const paramVals = paramValues(folderId, params, id);
  // Exercises without params are never rendered: their files are read exactly as written.
  const render: Render = params.length ? (t, where) => renderTemplate(t, paramVals, where) : (t) => t;
  const src = new SourceFile(file, shown, render(text, shown));
  const raw = src.doc.toJS() as unknown;
  if (!validateExerciseShape()(raw)) {
    const described = describeAjvErrors(validateExerciseShape().errors ?? []);
    src.fail(described.path, described.message);
  }
  const data = raw as RawExercise;
  if (folderId !== data.id) src.fail(['id'], `is "${data.id}" but the folder is ${basename(dir)}; name the folder ${data.id}-<topic> or change the id to ${folderId}`);
  return { src, data, params, id, paramVals, render };
}

/** The exercise's networks, each subnet a valid IPv4 one. */
function buildNetworks(src: SourceFile, data: RawExercise): NetworkSpec[] {
  const networks: NetworkSpec[] = Object.entries(data.networks).map(([name, n]) => ({
    name,
    ...(n?.subnet ? { subnet: n.subnet } : {}),
    ...(n?.description ? { description: n.description } : {}),
  }));
  for (const n of networks) if (n.subnet && !isValidCidr(n.subnet)) src.fail(['networks', n.name, 'subnet'], 'is not a valid IPv4 subnet');
  return networks;
}

/** The checks, each id unique and each `because` naming another check. */
function buildChecks(src: SourceFile, data: RawExercise, kinds: ReadonlyMap<string, CheckKindSpec>, nodeNames: string[]): CheckSpec[] {
  const checks = data.checks.map((c, i) => buildCheck(src, c, i, kinds, nodeNames));
  const seen = new Set<string>();
  checks.forEach((c, i) => {
    if (seen.has(c.id)) src.fail(['checks', i, 'id'], `the id "${c.id}" is used by an earlier check; ids must be unique`);
    seen.add(c.id);
  });
  checks.forEach((c, i) => {
    c.because.forEach((id, j) => {
      if (!seen.has(id) || id === c.id) src.fail(['checks', i, 'because', j], `"${id}" is not another check of this exercise`);
    });
  });
  return checks;
}

/** The reference, the alternatives and the wrong cases; with params, every template among them renders now, so a misspelt param fails at load. */
function knownSolutions(dir: string, nodes: readonly NodeSpec[], checkIds: Set<string>, shownFrom: string, render: Render, templated: boolean) {
  const solutionDir = join(dir, 'solution');
  if (!existsSync(solutionDir)) throw new UserError(`${relative(shownFrom, solutionDir)}: missing; every exercise ships a reference solution.`);
  knownSolution(solutionDir, nodes, shownFrom);
  const alternatives = subfolders(join(dir, 'alternatives')).map((name) => {
    const altDir = join(dir, 'alternatives', name);
    knownSolution(altDir, nodes, shownFrom);
    return { name, dir: altDir };
  });
  const wrongCases = loadWrongCases(join(dir, 'wrong'), checkIds, nodes, shownFrom, render);
  if (templated) {
    for (const known of [solutionDir, ...alternatives.map((a) => a.dir), ...wrongCases.map((w) => w.dir)]) {
      for (const path of submissionNodeFiles(known, nodes, shownFrom).values()) render(readFileSync(path, 'utf8'), relative(shownFrom, path));
    }
    for (const readme of [join(dir, 'README.md'), join(dir, 'README.ko.md')]) {
      if (existsSync(readme)) render(readFileSync(readme, 'utf8'), relative(shownFrom, readme));
    }
  }
  return { solutionDir, alternatives, wrongCases };
}

type Render = (text: string, where: string) => string;

/**
 * The same exercise for another learner: rendered from the seed of its id and `variant`. An exercise
 * without params has one form only and comes back as it is (so a batch can ask for every learner).
 */
export function variantOf(exercise: Exercise, variant: string, kinds: ReadonlyMap<string, CheckKindSpec>): Exercise {
  if (exercise.params.length === 0) return exercise;
  return loadExercise(exercise.dir, kinds, process.cwd(), variant);
}

/** The `params:` block alone, read before anything is rendered; its lines keep their numbers for errors. */
function readParams(file: string, shown: string, text: string): ParamSpec[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^params\s*:/.test(l));
  if (start < 0) return [];
  let end = start + 1;
  while (end < lines.length && /^(\s|#|$)/.test(lines[end]!)) end++;
  // Every other line is blanked, so the block parses alone, before its templates are rendered.
  const only = lines.map((l, i) => (i >= start && i < end ? l : '')).join('\n');
  const src = new SourceFile(file, shown, only);
  const raw = src.doc.toJS() as { params?: Record<string, RawParam> } | null;
  if (!validateParams()(raw)) {
    const described = describeAjvErrors(validateParams().errors ?? []);
    src.fail(described.path, described.message);
  }
  const block = raw?.params;
  if (!block) return src.fail(['params'], 'is empty; list the params a variant may vary, or remove the line');
  return buildParams(block, (path, message) => src.fail(path, message));
}

function buildNode(src: SourceFile, name: string, raw: RawNode, networkNames: Set<string>): NodeSpec {
  const at = ['nodes', name];
  const interfaces: InterfaceSpec[] = Object.entries(raw.interfaces).map(([ifname, i]) => {
    if (!networkNames.has(i.network)) {
      src.fail([...at, 'interfaces', ifname, 'network'], `names "${i.network}", which is not under networks (known: ${[...networkNames].join(', ')})`);
    }
    const addresses = i.address === undefined ? [] : Array.isArray(i.address) ? i.address : [i.address];
    addresses.forEach((a) => {
      if (!isValidCidr(a)) src.fail([...at, 'interfaces', ifname, 'address'], `"${a}" is not a valid IPv4 address with prefix`);
    });
    return { name: ifname, network: i.network, addresses };
  });
  const seenNets = new Set<string>();
  for (const i of interfaces) {
    if (seenNets.has(i.network)) src.fail([...at, 'interfaces', i.name, 'network'], `the node already has an interface on "${i.network}"; use one interface per network`);
    seenNets.add(i.network);
  }
  const routes: RouteSpec[] = (raw.routes ?? []).map((r, idx) => {
    if (r.via && !isValidIpv4(r.via)) src.fail([...at, 'routes', idx, 'via'], `"${r.via}" is not a valid IPv4 address`);
    return { to: r.to, ...(r.via ? { via: r.via } : {}), ...(r.dev ? { dev: r.dev } : {}) };
  });
  const sysctls = Object.fromEntries(Object.entries(raw.sysctls ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)]));
  const services: ServiceSpec[] = (raw.services ?? []).map((s) => ({ name: s.name, command: s.command, ...(s.port ? { port: s.port } : {}) }));
  return {
    name,
    role: raw.role ?? (interfaces.length > 1 ? 'router' : 'host'),
    owner: raw.owner ?? 'learner',
    interfaces,
    routes,
    sysctls,
    services,
    ...(raw.setup ? { setup: raw.setup } : {}),
  };
}

function buildCheck(src: SourceFile, raw: RawCheck, index: number, kinds: ReadonlyMap<string, CheckKindSpec>, nodeNames: string[]): CheckSpec {
  const at: Path = ['checks', index];
  const kind = kinds.get(raw.kind);
  if (!kind) src.fail([...at, 'kind'], `"${raw.kind}" is not a check kind; known kinds: ${[...kinds.keys()].sort().join(', ')}`);
  const params = Object.fromEntries(Object.entries(raw).filter(([k]) => !COMMON_CHECK_FIELDS.has(k)));
  const validate = ajv().compile(kind.schema);
  if (!validate(params)) {
    const described = describeAjvErrors(validate.errors ?? []);
    src.fail([...at, ...described.path], `${described.message} (for ${/^[aeiou]/i.test(raw.kind) ? 'an' : 'a'} ${raw.kind} check)`);
  }
  for (const node of kind.nodesOf(params)) {
    if (!nodeNames.includes(node)) src.fail([...at, 'node'], `"${node}" is not a node of this exercise (nodes: ${nodeNames.join(', ')})`);
  }
  return {
    id: raw.id,
    title: raw.title,
    kind: raw.kind,
    points: raw.points ?? 1,
    ...(raw.hint ? { hint: raw.hint.trim() } : {}),
    because: raw.because ?? [],
    params,
  };
}

function loadWrongCases(dir: string, checkIds: Set<string>, nodes: readonly NodeSpec[], shownFrom: string, render: (text: string, shown: string) => string): WrongCase[] {
  return subfolders(dir).map((name) => {
      const caseDir = join(dir, name);
      const file = join(caseDir, 'case.yaml');
      const shown = relative(shownFrom, file);
      if (!existsSync(file)) throw new UserError(`${shown}: missing; a wrong case says which checks it must fail in case.yaml.`);
      const src = new SourceFile(file, shown, render(readFileSync(file, 'utf8'), shown));
      const raw = src.doc.toJS() as unknown;
      if (!validateWrongCase()(raw)) {
        const described = describeAjvErrors(validateWrongCase().errors ?? []);
        src.fail(described.path, described.message);
      }
      const data = raw as { description: string; fails: string[] };
      data.fails.forEach((id, i) => {
        if (!checkIds.has(id)) src.fail(['fails', i], `"${id}" is not a check id of this exercise`);
      });
      knownSolution(caseDir, nodes, shownFrom);
      return { name, description: data.description, fails: data.fails, dir: caseDir };
    });
}

/** A solution folder the exercise ships must hold at least one valid <node>.sh file. */
function knownSolution(dir: string, nodes: readonly NodeSpec[], shownFrom: string): void {
  if (submissionNodeFiles(dir, nodes, shownFrom).size === 0) {
    const mine = nodes.filter((n) => n.owner === 'learner').map((n) => n.name);
    throw new UserError(`${relative(shownFrom, dir)} has no <node>.sh files; add the commands for at least one of ${mine.join(', ')}.`);
  }
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

interface RawExercise {
  id: string;
  title: string;
  summary: string;
  concepts?: string[];
  lesson?: string;
  needs?: LabNeed[];
  limits?: { commandSeconds?: number; submissionSeconds?: number };
  networks: Record<string, { subnet?: string; description?: string } | null>;
  nodes: Record<string, RawNode>;
  checks: RawCheck[];
}
interface RawNode {
  role?: NodeRole;
  owner?: NodeOwner;
  interfaces: Record<string, { network: string; address?: string | string[] }>;
  routes?: { to: string; via?: string; dev?: string }[];
  sysctls?: Record<string, string | number | boolean>;
  services?: { name: string; command: string; port?: number }[];
  setup?: string;
}
interface RawCheck {
  id: string;
  title: string;
  kind: string;
  points?: number;
  hint?: string;
  because?: string[];
  [param: string]: unknown;
}
