/**
 * Updates not yet acknowledged by the aggregator, one file each, so a crash or restart loses none.
 * A file is removed only after the aggregator acknowledged it; re-sending is safe because the
 * aggregator deduplicates by update id.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../files/durable.ts';
import type { Update } from '../world/types.ts';

export class Outbox {
  private readonly rejectedDir: string;

  constructor(readonly dir: string) {
    this.rejectedDir = join(dir, 'rejected');
    mkdirSync(this.rejectedDir, { recursive: true });
  }

  private file(seq: number): string {
    return join(this.dir, `${String(seq).padStart(12, '0')}.json`);
  }

  put(update: Update): void {
    const file = this.file(update.seq);
    if (!existsSync(file)) writeAtomic(file, JSON.stringify(update));
  }

  /** The oldest pending updates, in sequence order. */
  pending(limit: number): Update[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .slice(0, limit)
      .map((name) => JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as Update);
  }

  size(): number {
    return readdirSync(this.dir).filter((name) => name.endsWith('.json')).length;
  }

  ack(updates: readonly Update[]): void {
    for (const u of updates) rmSync(this.file(u.seq), { force: true });
  }

  /** Set aside an update the aggregator refused for good, with the reason, so it blocks nothing. */
  reject(update: Update, reason: string): void {
    const name = `${String(update.seq).padStart(12, '0')}.json`;
    writeFileSync(join(this.rejectedDir, `${name}.reason.txt`), `${reason}\n`);
    renameSync(this.file(update.seq), join(this.rejectedDir, name));
  }
}
