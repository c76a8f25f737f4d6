// The class on this server: a lab per learner (placed through the Engine interface, as every lab is),
// made on first join up to a cap, reset, stopped when idle (the shell history kept in the state folder
// and put back when the learner returns) and handed in. Labs belong to the server process: they are
// tracked, so a normal exit removes them; each learner's is claimed in the state folder, so a crashed
// server's labs wait for its restart, which gives them back to their learners (runner/lab-claims.ts).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckKind } from '../checks/check-kind.js';
import { safeSegment } from '../core/batch-entry.js';
import { UserError } from '../core/errors.js';
import type { Exercise } from '../core/exercise.js';
import type { Lang } from '../core/lang.js';
import type { Engine } from '../runner/engine.js';
import type { LabTracker } from '../runner/lab-tracker.js';
import { dropClaim, readClaims, writeClaim } from '../runner/lab-claims.js';
import { LABEL } from '../runner/labels.js';
import { inScope } from '../runner/lab-scope.js';
import { planLab } from '../runner/plan-lab.js';
import { buildLab, provision, provisionContainer } from '../runner/provision.js';
import { resetAllNodes, resetNode } from '../runner/reset-node.js';
import { readHistory, restoreHistory, type HistoryRecord } from '../runner/shell-history.js';
import type { ClassRoster, Learner } from './class-roster.js';
import { handIn } from './hand-in.js';
import { StartedLab, type TrackedLab } from '../runner/started-lab.js';
import { LearnerLab } from './learner-lab.js';

export interface ClassRoomOptions {
  readonly exercise: Exercise;
  /** The exercise as a learner's variant renders it (their own id), for exercises with params. */
  readonly variantFor: (exercise: Exercise, learner: string) => Exercise;
  readonly roster: ClassRoster;
  readonly kinds: ReadonlyMap<string, CheckKind>;
  readonly engine: Engine;
  readonly image: string;
  readonly tracker: LabTracker;
  readonly stateDir: string;
  readonly classDir: string;
  /** The cap on labs at once, for the whole server: with several exercises, `labsElsewhere` counts the others' rooms. */
  readonly maxLabs: number;
  readonly labsElsewhere?: () => number;
  /**
   * Labs started ahead of time, so a join is instant. For an exercise with variants a pooled lab is a
   * started container with nothing built in it; the learner's variant is built there on join.
   */
  readonly pool: number;
  readonly idleMs: number;
}

/** A learner's lab never made or since stopped, with what the dashboard still shows. */
interface Seat {
  readonly learner: Learner;
  lang: Lang | null;
  lab: Promise<LearnerLab> | null;
  joinedAt: number | null;
}

/** Hand-ins graded at once, each in a fresh lab of its own beside the learners' labs. */
const HAND_INS_AT_ONCE = 4;

export class ClassRoom {
  private readonly seats = new Map<string, Seat>();
  private handInsRunning = 0;
  private readonly pool: Promise<StartedLab>[] = [];
  private closing = false;
  private refilling = false;
  private readonly handInQueue: (() => void)[] = [];

  constructor(readonly options: ClassRoomOptions) {
    for (const l of options.roster.learners) this.seats.set(l.id, { learner: l, lang: l.lang, lab: null, joinedAt: null });
  }

  get exercise(): Exercise {
    return this.options.exercise;
  }

  learner(id: string): Learner | null {
    return this.seats.get(id)?.learner ?? null;
  }

  learners(): Learner[] {
    return [...this.seats.values()].map((s) => s.learner);
  }

  langOf(id: string, browser: Lang): Lang {
    return this.seat(id).lang ?? browser;
  }

  /** The learner's lab, made (or made again after an idle stop) on first use. */
  labOf(id: string, browser: Lang): Promise<LearnerLab> {
    const seat = this.seat(id);
    seat.lang ??= browser;
    seat.joinedAt ??= Date.now();
    if (!seat.lab) {
      seat.lab = this.startLab(seat);
      seat.lab.catch(() => (seat.lab = null));
    }
    return seat.lab;
  }

  /** The exercise as this learner's variant renders it (their own id), without making a lab. */
  exerciseOf(id: string): Exercise {
    const o = this.options;
    return o.exercise.params.length > 0 ? o.variantFor(o.exercise, this.seat(id).learner.id) : o.exercise;
  }

  /** Whether starting this learner's lab now would pass the cap (always, when it runs or is starting). */
  hasRoomFor(id: string): boolean {
    return this.seat(id).lab !== null || this.pool.length > 0 || this.labsInUse() < this.options.maxLabs;
  }

  /** The learner's lab if it runs: the teacher's view never starts one. */
  runningLab(id: string): Promise<LearnerLab> | null {
    return this.seat(id).lab;
  }

  async resetNode(id: string, node: string): Promise<void> {
    const lab = await this.labOf(id, 'en');
    if (!lab.lab.nodeNames.includes(node)) throw new UserError(`"${node}" is not a node of ${this.exercise.id}.`);
    lab.closeTerminals(node);
    await resetNode(lab.lab, node);
    void lab.checklist.request();
  }

  async resetLab(id: string): Promise<void> {
    const lab = await this.labOf(id, 'en');
    lab.closeTerminals();
    await resetAllNodes(lab.lab);
    void lab.checklist.request();
  }

  /** Stop a learner's lab, keeping their shell history in the state folder for when they come back. */
  async stopLab(id: string): Promise<boolean> {
    const seat = this.seat(id);
    const running = seat.lab;
    if (!running) return false;
    seat.lab = null;
    const lab = await running.catch(() => null);
    if (!lab) return false;
    lab.closeTerminals();
    lab.checklist.close();
    await this.saveHistory(id, await readHistory(lab.lab).catch(() => null));
    // Unclaimed first: should this process die now, the next grade run reaps the lab.
    await dropClaim(this.options.stateDir, lab.lab.id);
    await lab.lab.dispose();
    this.options.tracker.remove(lab.lab);
    return true;
  }

  async handIn(id: string): Promise<LearnerLab> {
    const lab = await this.labOf(id, 'en');
    if (lab.handingIn) throw new UserError('Your work is being handed in already; wait for its report.');
    lab.handingIn = true;
    await this.handInSlot();
    try {
      const o = this.options;
      const lang = this.langOf(id, 'en');
      const { shown } = await handIn({ lab: lab.lab, exercise: lab.exercise, learner: lab.learner, lang, classDir: o.classDir, kinds: o.kinds, engine: o.engine, image: o.image, tracker: o.tracker });
      lab.handedIn = shown;
      return lab;
    } finally {
      lab.handingIn = false;
      this.handInsRunning--;
      this.handInQueue.shift()?.();
    }
  }

  /** Wait for one of the hand-in slots: a whole class pressing the button at once queues, not floods the engine. */
  private async handInSlot(): Promise<void> {
    if (this.handInsRunning >= HAND_INS_AT_ONCE) await new Promise<void>((resolve) => this.handInQueue.push(resolve));
    this.handInsRunning++;
  }

  /** Labs idle longer than the limit are stopped (history kept). */
  async stopIdle(now = Date.now()): Promise<string[]> {
    const stopped: string[] = [];
    for (const [id, seat] of this.seats) {
      const lab = seat.lab && (await seat.lab.catch(() => null));
      const last = lab ? (lab.lastActivity ?? lab.joinedAt ?? now) : now;
      if (lab && now - last > this.options.idleMs && (await this.stopLab(id))) stopped.push(id);
    }
    return stopped;
  }

  pooledCount(): number {
    return this.pool.length;
  }

  runningCount(): number {
    return [...this.seats.values()].filter((s) => s.lab !== null).length;
  }

  /** This room's labs (learners' and pooled) and, against the server's one cap, the other exercises'. */
  labsInUse(): number {
    return this.runningCount() + this.pool.length + (this.options.labsElsewhere?.() ?? 0);
  }

  /** How many labs the warm pool holds for this exercise. */
  get poolSize(): number {
    return this.options.pool;
  }

  /** Resolves once every lab now in the pool has started (or failed to). */
  async poolReady(): Promise<void> {
    await Promise.allSettled([...this.pool]);
  }

  /**
   * Start labs until the pool is full (within the cap); a lab taken from it is replaced. At start the
   * pool fills at once; a refill is one lab at a time, so it does not crowd the joins it serves.
   */
  fillPool(all = true): void {
    while (!this.closing && this.pool.length < this.poolSize && this.labsInUse() < this.options.maxLabs) {
      if (!all && this.refilling) return;
      const made = this.poolLab();
      this.pool.push(made);
      made.catch(() => this.pool.splice(this.pool.indexOf(made), 1));
      if (!all) {
        this.refilling = true;
        void made.catch(() => undefined).finally(() => ((this.refilling = false), this.fillPool(false)));
        return;
      }
    }
  }

  joinedAt(id: string): number | null {
    return this.seat(id).joinedAt;
  }

  /** Stop every lab (history kept): the server is going away. */
  async close(): Promise<void> {
    this.closing = true;
    const pooled = this.pool.splice(0).map((p) => p.then((lab) => lab.dispose(), () => undefined));
    await Promise.allSettled([...pooled, ...[...this.seats.keys()].map((id) => this.stopLab(id))]);
  }

  private seat(id: string): Seat {
    const seat = this.seats.get(id);
    if (!seat) throw new UserError(`"${id}" is not a learner of this class.`);
    return seat;
  }

  private async startLab(seat: Seat): Promise<LearnerLab> {
    const o = this.options;
    const pooled = this.pool.shift();
    if (!pooled && this.labsInUse() >= o.maxLabs) throw new UserError(`The class's ${o.maxLabs} labs are all in use; try again in a minute, or ask your teacher.`);
    const exercise = this.exerciseOf(seat.learner.id);
    const lab = pooled ? await pooled.then((p) => this.fromPool(p, exercise), () => this.provisionFor(exercise)) : await this.provisionFor(exercise);
    this.fillPool(false);
    await writeClaim(o.stateDir, { lab: lab.id, learner: seat.learner.id, exercise: o.exercise.id, joinedAt: seat.joinedAt, lang: seat.lang });
    const history = await this.savedHistory(seat.learner.id);
    if (history.length > 0) await restoreHistory(lab, history);
    return this.learnerLab(seat, exercise, lab);
  }

  private learnerLab(seat: Seat, exercise: Exercise, lab: StartedLab): LearnerLab {
    const learnerLab = new LearnerLab(seat.learner, exercise, lab, seat.lang ?? 'en', this.options.kinds);
    learnerLab.joinedAt = seat.joinedAt;
    void learnerLab.checklist.request();
    return learnerLab;
  }

  /**
   * After a restart: each lab this state folder claims, still running, given back to its learner (the
   * shells' history is in it); a claim whose lab is gone, or whose learner or exercise is not this
   * class's, is dropped (and its lab removed). Returns the learners whose labs came back.
   */
  async reattach(): Promise<string[]> {
    const o = this.options;
    const back: string[] = [];
    for (const claim of await readClaims(o.stateDir)) {
      const seat = this.seats.get(claim.learner);
      const found = await o.engine.listLabelled(LABEL.lab, claim.lab);
      const container = found.containers.find((c) => c.labels[LABEL.serveState] === o.stateDir && inScope(c.labels));
      if (claim.exercise !== o.exercise.id) continue;
      if (!seat || seat.lab || !container?.running) {
        await dropClaim(o.stateDir, claim.lab);
        if (container) await o.engine.removeContainer(container.id);
        continue;
      }
      const exercise = this.exerciseOf(claim.learner);
      const plan = planLab(exercise, { image: o.image, labId: claim.lab, token: container.labels[LABEL.token] ?? '', labels: this.labLabels() });
      const lab = new StartedLab(o.engine, plan, container.id);
      o.tracker.add(lab);
      seat.joinedAt = claim.joinedAt;
      if (claim.lang === 'en' || claim.lang === 'ko') seat.lang ??= claim.lang;
      seat.lab = Promise.resolve(this.learnerLab(seat, exercise, lab));
      back.push(claim.learner);
    }
    return back;
  }

  /** Every lab of this server names its state folder, where its claim is kept. */
  private labLabels(): Record<string, string> {
    return { [LABEL.serveState]: this.options.stateDir };
  }

  /**
   * A lab nobody has entered. Without variants, built for the exercise; with them, a started container
   * with nothing built, so no learner's variant is in it before the learner who takes it.
   */
  private poolLab(): Promise<StartedLab> {
    const o = this.options;
    const plan = planLab(o.exercise, { image: o.image, labels: this.labLabels() });
    const hooks = { onCreated: (l: TrackedLab) => o.tracker.add(l) };
    return o.exercise.params.length > 0 ? provisionContainer(o.engine, plan, hooks) : provision(o.engine, plan, hooks);
  }

  /** A pooled lab made the learner's: their variant's nodes built in the bare container (as provisioning builds them). */
  private fromPool(pooled: StartedLab, exercise: Exercise): Promise<StartedLab> {
    if (this.options.exercise.params.length === 0) return Promise.resolve(pooled);
    return buildLab(pooled, planLab(exercise, { image: this.options.image, labId: pooled.id, token: pooled.plan.token, labels: this.labLabels() }));
  }

  private provisionFor(exercise: Exercise): Promise<StartedLab> {
    const o = this.options;
    return provision(o.engine, planLab(exercise, { image: o.image, labels: this.labLabels() }), { onCreated: (l) => o.tracker.add(l) });
  }

  private historyFile(id: string): string {
    return join(this.options.stateDir, 'history', this.options.exercise.id, `${safeSegment(id)}.json`);
  }

  private async saveHistory(id: string, records: HistoryRecord[] | null): Promise<void> {
    if (!records) return;
    await mkdir(join(this.options.stateDir, 'history', this.options.exercise.id), { recursive: true });
    await writeFile(this.historyFile(id), JSON.stringify(records));
  }

  private async savedHistory(id: string): Promise<HistoryRecord[]> {
    try {
      const records = JSON.parse(await readFile(this.historyFile(id), 'utf8')) as HistoryRecord[];
      await rm(this.historyFile(id), { force: true });
      return Array.isArray(records) ? records : [];
    } catch {
      return [];
    }
  }
}

/** Claims of exercises this server no longer serves (an earlier run's): dropped, their labs removed. */
export async function dropForeignClaims(stateDir: string, served: readonly string[], engine: Engine): Promise<void> {
  for (const claim of await readClaims(stateDir)) {
    if (served.includes(claim.exercise)) continue;
    await dropClaim(stateDir, claim.lab);
    const found = await engine.listLabelled(LABEL.lab, claim.lab);
    await Promise.all(found.containers.filter((c) => c.labels[LABEL.serveState] === stateDir && inScope(c.labels)).map((c) => engine.removeContainer(c.id)));
  }
}
