import type { CheckContext } from '../../checks/check-kind.js';
import type { ExecOptions, ExecResult, LabExec, ProbeName } from '../../runner/lab-exec.js';
import { execResult } from './fake-engine.js';

// A lab world for the unit tests of check kinds: it answers each exec and probe a check makes from a
// function the test gives, records every call, and refuses any call the test did not expect, so a
// test shows exactly what a check reads and what it makes of it.

/** One call a check made: `lab.exec(node, argv)` or `lab.probe(name, args)`. */
export interface LabCall {
  readonly via: 'exec' | 'probe';
  /** The node (or node/netns) of an exec, the probe's name for a probe. */
  readonly at: string;
  readonly argv: readonly string[];
  readonly options: ExecOptions;
}

/** A finished command (missing fields as execResult fills them), an infrastructure fault to throw, or undefined: not expected. */
export type Reply = Partial<ExecResult> | Error | undefined;

export interface LabWorld {
  readonly nodes?: readonly string[];
  exec?(node: string, argv: readonly string[], options: ExecOptions): Reply;
  probe?(name: ProbeName, args: readonly string[], options: ExecOptions): Reply;
}

export interface FakeLab extends LabExec {
  readonly calls: LabCall[];
}

export function fakeLab(world: LabWorld): FakeLab {
  const calls: LabCall[] = [];
  const answer = (call: LabCall, reply: Reply): Promise<ExecResult> => {
    calls.push(call);
    if (reply instanceof Error) return Promise.reject(reply);
    if (reply === undefined) return Promise.reject(new Error(`the fake lab has no answer for ${call.via} ${call.at} ${call.argv.join(' ')}`));
    return Promise.resolve(ran(reply));
  };
  return {
    calls,
    nodeNames: world.nodes ?? ['host', 'red', 'blue', 'lan-server'],
    exec: (node, argv, options = {}) => answer({ via: 'exec', at: node, argv, options }, world.exec?.(node, argv, options)),
    probe: (name, args, options = {}) => answer({ via: 'probe', at: name, argv: args, options }, world.probe?.(name, args, options)),
  };
}

/**
 * A finished command; `output` is stdout then stderr unless given (the real one interleaves them as
 * they came, which no check may depend on).
 */
export function ran(over: Partial<ExecResult>): ExecResult {
  return execResult(over);
}

/** A command the lab cut off at its time limit: no exit status, what it printed so far. */
export function timedOut(over: Partial<ExecResult> = {}): ExecResult {
  return execResult({ exitCode: null, timedOut: true, ...over });
}

/** The context a check runs in: the lab, the run's token, and which node the exercise gives each address. */
export function contextOf(lab: LabExec, holders: Readonly<Record<string, string>> = {}, token = '8685d074a11db7b3'): CheckContext {
  return { lab, token, holderOf: (address) => holders[address] };
}
