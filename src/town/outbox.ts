/**
 * Updates not yet acknowledged by the aggregator, one file each, so a crash or restart loses none.
 * A file is removed only after the aggregator acknowledged it; re-sending is safe because the
 * aggregator deduplicates by update id.
 *
 * A file that cannot be read as an update of this town (cut short, not JSON, another town's, out
 * of its place) is set aside in `rejected/` with a reason, like an update the aggregator refused
 * for good, so it blocks nothing behind it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeAtomic } from '../files/durable.ts';
import type { Update } from '../world/types.ts';

export interface OutboxOptions {
  /** The town whose updates these are: a file of another town's is set aside. */
  town: string;
  /** Told once about each file set aside. */
  log: (message: string) => void;
}

/** A pending file's name: the update's sequence number, zero-padded to 12 digits. */
const FILE_NAME = /^(\d{12})\.json$/;

/**
 * What the outbox checks before sending: enough to know it is an update of this town in its place.
 * The aggregator checks the rest (and refuses for good what is wrong, which is set aside too).
 */
const PendingSchema = z.looseObject({
  id: z.string().min(1),
  town: z.string(),
  seq: z.number().int().positive(),
  events: z.array(z.unknown()),
});

/** A message about a file's content on one line, however the content looks: no line breaks or controls. */
function oneLine(message: string): string {
  let out = '';
  for (const c of message) {
    const code = c.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ? ' ' : c;
  }
  out = out.replace(/ {2,}/g, ' ');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

export class Outbox {
  private readonly rejectedDir: string;
  /** Files that could not even be set aside (e.g. no permission): ignored until the next start. */
  private readonly stuck = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly options: OutboxOptions,
  ) {
    this.rejectedDir = join(dir, 'rejected');
    mkdirSync(this.rejectedDir, { recursive: true });
  }

  private name(seq: number): string {
    return `${String(seq).padStart(12, '0')}.json`;
  }

  private file(seq: number): string {
    return join(this.dir, this.name(seq));
  }

  private names(): string[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json') && !this.stuck.has(name))
      .sort();
  }

  put(update: Update): void {
    const name = this.name(update.seq);
    const file = join(this.dir, name);
    if (existsSync(file)) {
      // The update already waits here (a restart repeats the last one): keep it as it is, unless
      // the file holding its place is not an update at all. If that one cannot be set aside, the
      // town's own update still takes its place.
      if (this.read(name).ok) return;
      this.setAsideDamaged(name);
    }
    writeAtomic(file, JSON.stringify(update));
    this.stuck.delete(name);
  }

  /**
   * The oldest pending updates, in sequence order, up to `limit`. Files on the way that are not
   * updates of this town are set aside, each with its reason.
   */
  pending(limit: number): Update[] {
    const updates: Update[] = [];
    for (const name of this.names()) {
      if (updates.length >= limit) break;
      const read = this.read(name);
      if (read.ok) updates.push(read.update);
      else if (read.problem !== undefined) this.setAside(name, read.problem);
    }
    return updates;
  }

  size(): number {
    return this.names().length;
  }

  ack(updates: readonly Update[]): void {
    for (const u of updates) rmSync(this.file(u.seq), { force: true });
  }

  /** Set aside an update the aggregator refused for good, with the reason, so it blocks nothing. */
  reject(update: Update, reason: string): void {
    this.moveAside(this.name(update.seq), reason);
  }

  /**
   * The update a file holds, or why it holds none. A file gone since the listing (acknowledged
   * meanwhile) has no reason: there is nothing to set aside.
   */
  private read(name: string): { ok: true; update: Update } | { ok: false; problem?: string } {
    const path = join(this.dir, name);
    const why = (problem: string) => ({ ok: false as const, problem: oneLine(problem) });
    const m = FILE_NAME.exec(name);
    if (!m) return why('does not have the name of a pending update (a 12-digit sequence number and .json)');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false };
      return why(`cannot be read (${(error as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return why(`is not JSON, or is cut short (${(error as Error).message})`);
    }
    const parsed = PendingSchema.safeParse(raw);
    if (!parsed.success)
      return why(`is not an update of ${this.options.town}: ${z.prettifyError(parsed.error)}`);
    if (parsed.data.town !== this.options.town)
      return why(`is not an update of ${this.options.town} but of "${parsed.data.town.slice(0, 64)}"`);
    if (parsed.data.seq !== Number(m[1]))
      return why(
        `is not in its place: it holds update seq ${parsed.data.seq}, its name says ${Number(m[1])}`,
      );
    return { ok: true, update: raw as Update };
  }

  private setAsideDamaged(name: string): void {
    const read = this.read(name);
    if (!read.ok && read.problem !== undefined) this.setAside(name, read.problem);
  }

  /** Set aside a file that is not an update of this town, with why, and say so once. */
  private setAside(name: string, problem: string): void {
    const reason = `${join(this.dir, name)} ${problem}: set aside, it will not be sent`;
    const target = this.moveAside(name, reason);
    if (target)
      this.options.log(`outbox/${oneLine(name)} ${problem}: set aside as outbox/rejected/${oneLine(target)}`);
  }

  /**
   * Move a file to rejected/ with its reason beside it, under a name no earlier one holds. Returns
   * that name, or undefined if the file could not be moved (then it is ignored from now on).
   */
  private moveAside(name: string, reason: string): string | undefined {
    let target = name;
    for (let n = 2; existsSync(join(this.rejectedDir, target)); n++)
      target = name.replace(/\.json$/, `-${n}.json`);
    const reasonFile = join(this.rejectedDir, `${target}.reason.txt`);
    try {
      writeFileSync(reasonFile, `${reason}\n`);
      renameSync(join(this.dir, name), join(this.rejectedDir, target));
      return target;
    } catch (error) {
      rmSync(reasonFile, { force: true });
      this.stuck.add(name);
      this.options.log(
        `cannot set aside ${join(this.dir, name)} (${(error as Error).message}); ignoring it until restarted`,
      );
      return undefined;
    }
  }
}
