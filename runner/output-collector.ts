// Docker multiplexes a non-TTY exec's stdout and stderr into frames: [stream, 0, 0, 0, size(4, BE)] + payload.
// This keeps both streams and their interleaving, up to a byte cap, and drains the rest.

export class OutputCollector {
  private pending: Buffer = Buffer.alloc(0);
  private readonly combined: Buffer[] = [];
  private readonly streams: Record<1 | 2, Buffer[]> = { 1: [], 2: [] };
  private kept = 0;
  private truncated = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      const kind = this.pending[0] === 2 ? 2 : 1;
      this.keep(kind, this.pending.subarray(8, 8 + size));
      this.pending = this.pending.subarray(8 + size);
    }
  }

  private keep(kind: 1 | 2, payload: Buffer): void {
    const room = this.maxBytes - this.kept;
    if (room <= 0) {
      if (payload.length) this.truncated = true;
      return;
    }
    const part = payload.length > room ? payload.subarray(0, room) : payload;
    if (part.length < payload.length) this.truncated = true;
    this.combined.push(part);
    this.streams[kind].push(part);
    this.kept += part.length;
  }

  result(): { output: string; stdout: string; stderr: string; truncated: boolean } {
    return {
      output: Buffer.concat(this.combined).toString('utf8'),
      stdout: Buffer.concat(this.streams[1]).toString('utf8'),
      stderr: Buffer.concat(this.streams[2]).toString('utf8'),
      truncated: this.truncated,
    };
  }
}
