// A terminal's recent output with byte sequence numbers, as Educates keeps it: a page that reconnects
// says how far it got and is sent only what it missed (or, when that fell out, all that is kept).

export interface Replay {
  /** The sequence number of the first byte in `data`. */
  readonly from: number;
  readonly data: Buffer;
}

export class ReplayBuffer {
  private chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes ever written: the sequence number of the next byte. */
  private end = 0;

  constructor(private readonly capacity = 256 * 1024) {}

  get seq(): number {
    return this.end;
  }

  push(chunk: Buffer): number {
    this.chunks.push(chunk);
    this.kept += chunk.length;
    this.end += chunk.length;
    while (this.kept - (this.chunks[0]?.length ?? 0) >= this.capacity && this.chunks.length > 1) this.kept -= this.chunks.shift()!.length;
    return this.end;
  }

  /** What came after `since` (clamped to what is still kept). */
  since(since: number): Replay {
    const start = this.end - this.kept;
    const from = Math.min(Math.max(since, start), this.end);
    return { from, data: Buffer.concat(this.chunks).subarray(from - start) };
  }
}
