/**
 * One client of a Server-Sent Events stream, written at the pace its socket drains.
 *
 * Frames are Buffers made once and shared by every client: what a client has not read yet is a
 * queue of references, not copies, and only a little of it is handed to the socket at a time. So a
 * thousand clients behind on the same events cost one copy of those events, and a client that
 * never reads costs no more than its queue's references until it is cut off.
 */
import type { ServerResponse } from 'node:http';

/** Bytes handed to the socket at a time; the rest waits in the queue. */
const HIGH_WATER = 64 * 1024;
/**
 * Bytes written to one client in one turn of the event loop. The kernel copies what a socket takes
 * at once (megabytes on loopback), so a big batch to hundreds of clients is written a slice per
 * client per turn, and everything else (ingest, /healthz) runs in between.
 */
const TURN_BYTES = 16 * 1024;

export class SseSession {
  private readonly queue: Buffer[] = [];
  private head = 0;
  private queuedBytes = 0;
  private waiters: (() => void)[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private nextTurn: NodeJS.Immediate | undefined;
  /** Once set, a client that falls further behind than this is cut off, and `onCutOff` told. */
  private allowance: { bytes: number; onCutOff: () => void } | undefined;
  closed = false;

  constructor(
    private readonly res: ServerResponse,
    options: { headers: Record<string, string | number | string[]>; retryMs: number; heartbeatMs: number },
  ) {
    res.writeHead(200, {
      ...options.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.on('drain', () => this.schedule());
    res.once('close', () => this.close());
    this.write(Buffer.from(`retry: ${options.retryMs}\n\n`));
    // A comment line keeps proxies and clients from timing out an idle stream.
    this.heartbeat = setInterval(() => this.write(HEARTBEAT), options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Bytes queued here, not yet handed to the socket. */
  get queued(): number {
    return this.queuedBytes;
  }

  /** Bytes this client has not taken yet: queued here and waiting in the socket. */
  get backlog(): number {
    return this.queuedBytes + this.res.writableLength;
  }

  /**
   * More than `bytes` behind, and not reading: its socket is full. A queue that is only waiting
   * for its turn (a big batch written a slice at a time) is not the client's fault.
   */
  behind(bytes: number): boolean {
    return this.backlog > bytes && this.res.writableLength >= HIGH_WATER;
  }

  /**
   * From now on, cut the client off when it stops reading more than `bytes` behind: checked as
   * frames arrive and whenever its socket fills (a batch written a slice at a time may fill it
   * long after it arrived).
   */
  limitBehind(bytes: number, onCutOff: () => void): void {
    this.allowance = { bytes, onCutOff };
    this.checkBehind();
  }

  private checkBehind(): boolean {
    if (!this.allowance || this.closed || !this.behind(this.allowance.bytes)) return false;
    this.allowance.onCutOff();
    this.close();
    return true;
  }

  /** Queue a frame (or several joined): it is written when the socket has room. */
  write(frame: Buffer): void {
    if (this.closed || this.checkBehind()) return;
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    this.schedule();
  }

  /** Resolves once the client has taken what it was given (its backlog is under `bytes`), or is gone. */
  drained(bytes = HIGH_WATER): Promise<void> {
    if (this.closed || this.backlog < bytes) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.closed || this.backlog < bytes) resolve();
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearImmediate(this.nextTurn);
    this.queue.length = 0;
    this.head = 0;
    this.queuedBytes = 0;
    if (!this.res.destroyed) this.res.destroy();
    this.wakeWaiters();
  }

  /** Writes on the next turn, once: a burst of frames costs one pass. */
  private schedule(): void {
    this.nextTurn ??= setImmediate(() => {
      this.nextTurn = undefined;
      this.pump();
    });
  }

  private pump(): void {
    let budget = TURN_BYTES;
    while (
      this.head < this.queue.length &&
      this.res.writableLength < HIGH_WATER &&
      budget > 0 &&
      !this.closed
    ) {
      const frame = this.queue[this.head] as Buffer;
      // A slice of a big frame is a view of it, not a copy.
      const piece = frame.length > budget ? frame.subarray(0, budget) : frame;
      if (piece === frame) this.queue[this.head++] = EMPTY;
      else this.queue[this.head] = frame.subarray(budget);
      this.queuedBytes -= piece.length;
      budget -= piece.length;
      this.res.write(piece);
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    // More to write and room for it: the next turn. No room: the socket's 'drain' calls back.
    if (this.head < this.queue.length && this.res.writableLength < HIGH_WATER) this.schedule();
    else if (this.checkBehind()) return;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    if (this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

const HEARTBEAT = Buffer.from(':\n\n');
const EMPTY = Buffer.alloc(0);

/** An event as one SSE frame: its id, and its JSON (which holds no line break) as the data line. */
export function sseFrame(id: number, json: string): Buffer {
  return Buffer.from(`id: ${id}\nevent: message\ndata: ${json}\n\n`);
}
