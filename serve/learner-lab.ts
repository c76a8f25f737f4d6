// One learner's place in the class: their running lab, a shell per node kept between page loads, the
// live checklist, and what the teacher's dashboard shows of them.
import type { CheckKind } from '../checks/check-kind.js';
import type { Exercise } from '../core/exercise.js';
import type { Lang } from '../core/lang.js';
import type { GradeResult } from '../core/result.js';
import { gradeRunningLab } from '../grading/grade-exercise.js';
import { localizeResult } from '../grading/localize-result.js';
import type { TerminalSize } from '../runner/engine.js';
import { readHistory } from '../runner/shell-history.js';
import type { StartedLab } from '../runner/started-lab.js';
import type { Learner } from './class-roster.js';
import { LiveChecklist } from './live-checklist.js';
import { NodeTerminal } from './node-terminal.js';

export type LearnerState = 'invited' | 'joined' | 'working' | 'idle' | 'stopped' | 'handed-in';

export class LearnerLab {
  private readonly terminals = new Map<string, Promise<NodeTerminal>>();
  readonly checklist: LiveChecklist;
  joinedAt: number | null = null;
  lastActivity: number | null = null;
  handedIn: GradeResult | null = null;
  handingIn = false;

  constructor(
    readonly learner: Learner,
    readonly exercise: Exercise,
    readonly lab: StartedLab,
    lang: Lang,
    kinds: ReadonlyMap<string, CheckKind>,
  ) {
    this.checklist = new LiveChecklist({
      check: async () => localizeResult(await gradeRunningLab(lab, exercise, kinds), exercise, lang),
      commands: async () => {
        const records = await readHistory(lab);
        return { started: records.length, finished: records.filter((r) => r.exitCode !== null).length };
      },
    });
  }

  /** The node's shell, opened on first use as `grade shell` opens it. */
  terminal(node: string, size: TerminalSize): Promise<NodeTerminal> {
    const open = this.terminals.get(node);
    if (open) {
      return open.then((t) => (t.alive ? t : this.openTerminal(node, size)));
    }
    return this.openTerminal(node, size);
  }

  /** The node's shell if it is open: a teacher's view never opens one. */
  openShell(node: string): Promise<NodeTerminal> | null {
    return this.terminals.get(node) ?? null;
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  state(idleMs: number): LearnerState {
    if (this.handedIn) return 'handed-in';
    if (this.lastActivity === null) return 'joined';
    return Date.now() - this.lastActivity > idleMs ? 'idle' : 'working';
  }

  /** Close every shell (a reset makes the nodes again, a stop removes the lab). */
  closeTerminals(node?: string): void {
    for (const [name, t] of this.terminals) {
      if (node !== undefined && name !== node) continue;
      void t.then((term) => term.close(), () => undefined);
      this.terminals.delete(name);
    }
  }

  private openTerminal(node: string, size: TerminalSize): Promise<NodeTerminal> {
    const opening = this.lab.terminal(node, size).then((tty) => {
      const term = new NodeTerminal(node, tty);
      term.onEnter = () => {
        this.touch();
        this.checklist.commandEntered();
      };
      return term;
    });
    this.terminals.set(node, opening);
    // A failed open is forgotten, so the next page load tries again.
    opening.catch(() => this.terminals.get(node) === opening && this.terminals.delete(node));
    return opening;
  }
}
