/** A town's own record: every update it made, one JSON object a line, in sequence order. */
import { closeSync, ftruncateSync, openSync, readSync, statSync } from 'node:fs';
import { appendLineDurable } from '../files/durable.ts';
import type { Update } from '../world/types.ts';

const TAIL_BYTES = 256 * 1024;

export class UpdateLog {
  constructor(readonly path: string) {}

  /** Sequence number of the last complete line (0 if none). A line torn by a crash is cut off. */
  lastSeq(): number {
    let size: number;
    try {
      size = statSync(this.path).size;
    } catch {
      return 0;
    }
    if (size === 0) return 0;
    const fd = openSync(this.path, 'r+');
    try {
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      const end = text.lastIndexOf('\n');
      if (end !== text.length - 1)
        ftruncateSync(fd, size - length + Buffer.byteLength(text.slice(0, end + 1)));
      const lines = text.slice(0, end).split('\n');
      const last = lines[lines.length - 1];
      if (!last) return 0;
      return (JSON.parse(last) as Update).seq;
    } finally {
      closeSync(fd);
    }
  }

  append(update: Update): void {
    appendLineDurable(this.path, JSON.stringify(update));
  }
}
