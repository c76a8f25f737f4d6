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

export function bridgeTerminal(socket: WebSocket, term: NodeTerminal, options: { since: number; readOnly: boolean; limits: SocketLimits; onInput?: () => void }): void {
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
    options.since,
  );
  send({ t: 'out', seq: attached.from + attached.data.length, d: attached.data.toString('base64'), replay: true });
  const budget = new MessageBudget(options.limits.messagesPerSecond, options.limits.maxMessageBytes);
  socket.on('message', (raw: Buffer, isBinary: boolean) => {
    if (!budget.allow(raw.length) || isBinary) return socket.close(1008, 'message too large or too many');
    if (options.readOnly) return;
    const message = parseMessage(raw);
    if (!message) return socket.close(1003, 'not a terminal message');
    if (message.t === 'in') {
      term.input(Buffer.from(message.d, 'utf8'));
      options.onInput?.();
    } else void term.resize({ cols: message.cols, rows: message.rows });
  });
  socket.on('close', () => attached.detach());
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
