// A page's WebSocket to a node's shell, in the manner of ttyd and Educates: output goes out as
// {t:'out', seq, d} (d base64, seq the byte count after it, for a reload to resume from), input comes in
// as {t:'in', d}, resize as {t:'resize', cols, rows}. A read-only view (the teacher's) sends nothing in.
import type { WebSocket } from 'ws';
import type { NodeTerminal } from './node-terminal.js';
import { MessageBudget } from './security.js';

export interface SocketLimits {
  readonly maxMessageBytes: number;
  readonly messagesPerSecond: number;
}

type ClientMessage = { t: 'in'; d: string } | { t: 'resize'; cols: number; rows: number };

/**
 * Bridge a socket to a shell that may still be opening: the socket's rules apply from its first message,
 * and what the page types before the shell is there is kept for it. `opening` failing refuses the socket.
 */
export function bridgeTerminal(socket: WebSocket, opening: Promise<NodeTerminal>, options: { since: number; readOnly: boolean; limits: SocketLimits; onError: (error: unknown) => void }): void {
  const budget = new MessageBudget(options.limits.messagesPerSecond, options.limits.maxMessageBytes);
  const early: ClientMessage[] = [];
  let term: NodeTerminal | null = null;
  const apply = (message: ClientMessage) => {
    if (!term) return void early.push(message);
    if (message.t === 'in') term.input(Buffer.from(message.d, 'utf8'));
    else void term.resize({ cols: message.cols, rows: message.rows });
  };
  let detach = () => undefined as unknown;
  socket.on('message', (raw: Buffer, isBinary: boolean) => {
    if (!budget.allow(raw.length) || isBinary) return socket.close(1008, 'message too large or too many');
    if (options.readOnly) return;
    const message = parseMessage(raw);
    if (!message) return socket.close(1003, 'not a terminal message');
    apply(message);
  });
  socket.on('close', () => detach());
  opening.then(
    (opened) => {
      if (socket.readyState !== socket.OPEN) return;
      term = opened;
      detach = attach(socket, opened, options.since);
      early.splice(0).forEach(apply);
    },
    (error: unknown) => options.onError(error),
  );
}

function attach(socket: WebSocket, term: NodeTerminal, since: number): () => void {
  const send = (message: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const attached = term.attach(
    {
      output: (seq, data) => send({ t: 'out', seq, d: data.toString('base64') }),
      ended: () => {
        send({ t: 'end' });
        socket.close(1000, 'shell ended');
      },
    },
    since,
  );
  send({ t: 'out', seq: attached.from + attached.data.length, d: attached.data.toString('base64'), replay: true });
  return attached.detach;
}

function parseMessage(raw: Buffer): ClientMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const v = m as Record<string, unknown> | null;
  if (v?.t === 'in' && typeof v.d === 'string') return { t: 'in', d: v.d };
  const size = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= 2 && n <= max;
  if (v?.t === 'resize' && size(v.cols, 500) && size(v.rows, 200)) return { t: 'resize', cols: v.cols as number, rows: v.rows as number };
  return null;
}
