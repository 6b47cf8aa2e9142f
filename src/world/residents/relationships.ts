/**
 * How residents feel about each other: a score in [-100, 100] for each pair, which starts from how
 * they know each other and moves with every conversation they have.
 */
import { isFamily } from './talk.ts';
import type { RelationshipChange, ResidentDef } from './types.ts';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export class Relationships {
  private readonly scores = new Map<string, number>();

  /** Family start at 60, workmates at 15, people of one town at 5, strangers at 0. */
  constructor(residents: readonly ResidentDef[]) {
    for (const a of residents) {
      for (const b of residents) {
        if (a.name >= b.name) continue;
        const start = isFamily(a, b) ? 60 : a.workplace === b.workplace ? 15 : a.town === b.town ? 5 : 0;
        if (start !== 0) this.scores.set(pairKey(a.name, b.name), start);
      }
    }
  }

  score(a: string, b: string): number {
    return this.scores.get(pairKey(a, b)) ?? 0;
  }

  /** Set a pair's score outright (a saved run's). */
  set(a: string, b: string, score: number): void {
    this.scores.set(pairKey(a, b), score);
  }

  /** Every pair with a score, in the order they first got one. */
  all(): { a: string; b: string; score: number }[] {
    return [...this.scores].map(([key, score]) => {
      const [a, b] = key.split('\u0000') as [string, string];
      return { a, b, score };
    });
  }

  /** Move a pair's score by `delta`, within [-100, 100], and note why among the day's `changes`. */
  adjust(a: string, b: string, delta: number, reason: string, changes: RelationshipChange[]): void {
    const key = pairKey(a, b);
    const before = this.scores.get(key) ?? 0;
    const after = Math.max(-100, Math.min(100, before + delta));
    this.scores.set(key, after);
    const [x, y] = a < b ? [a, b] : [b, a];
    let change = changes.find((c) => c.a === x && c.b === y);
    if (!change) {
      change = { a: x, b: y, before, after, reasons: [], moves: [] };
      changes.push(change);
    }
    change.after = after;
    change.reasons.push(reason);
    change.moves.push(after - before);
  }
}
