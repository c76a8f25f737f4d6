// One node's shell, kept on the server: the learner's page and a teacher's read-only view attach to it
// and detach again; the shell lives on between page loads, its recent output in a replay buffer.
import type { EngineTerminal, TerminalSize } from '../runner/engine.js';
import { ReplayBuffer, type Replay } from './replay-buffer.js';

export interface TerminalViewer {
  output(seq: number, data: Buffer): void;
  ended(): void;
}

export class NodeTerminal {
  private readonly buffer = new ReplayBuffer();
  private readonly viewers = new Set<TerminalViewer>();
  private ended = false;
  /** Called on every Enter the learner types: a command may be about to finish. */
  onEnter: () => void = () => undefined;

  constructor(
    readonly node: string,
    private readonly tty: EngineTerminal,
  ) {
    tty.onData((chunk) => {
      const seq = this.buffer.push(chunk);
      for (const v of this.viewers) v.output(seq, chunk);
    });
    tty.onEnd(() => {
      this.ended = true;
      for (const v of this.viewers) v.ended();
      this.viewers.clear();
    });
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Attach a viewer: it is sent what it missed since `since`, then everything new. */
  attach(viewer: TerminalViewer, since: number): Replay & { detach: () => void } {
    const replay = this.buffer.since(since);
    this.viewers.add(viewer);
    return { ...replay, detach: () => this.viewers.delete(viewer) };
  }

  input(data: Buffer): void {
    if (this.ended) return;
    this.tty.write(data);
    if (data.includes(13) || data.includes(10)) this.onEnter();
  }

  resize(size: TerminalSize): Promise<void> {
    return this.tty.resize(size);
  }

  close(): void {
    this.tty.close();
  }
}
