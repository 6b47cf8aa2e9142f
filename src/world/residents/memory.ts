/**
 * A resident's memory as in Generative Agents (Park et al., 2023): a stream of memories, each with
 * an importance, recalled by the sum of recency, importance and relevance. Relevance is the cosine
 * of hashed bag-of-words embeddings: deterministic, in-process and fast enough to run every tick
 * of thousands of resident-days (a sentence model would cost milliseconds a memory).
 */
import { hashString } from '../rng.ts';
import type { Memory, MemoryKind } from './types.ts';

const DIMS = 64;
/** Recency decays by this factor per world hour since the memory was last recalled. */
const DECAY_PER_HOUR = 0.99;
/** Recall looks at this many of the newest memories; older ones have decayed out of reach. */
const WINDOW = 400;
/** Words too common to tell memories apart. */
const STOP = new Set(
  'a an and the of to in at on for with about from by is was were it its i we my our they their he she his her them this that as be had has have did do not no but or so up out over'.split(
    ' ',
  ),
);

export function embed(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const word of text.toLowerCase().split(/[^a-z0-9&']+/)) {
    if (word.length < 2 || STOP.has(word)) continue;
    const h = hashString(word);
    const i = h % DIMS;
    v[i] = (v[i] as number) + ((h & 0x100) === 0 ? 1 : -1);
  }
  let norm = 0;
  for (let i = 0; i < DIMS; i++) norm += (v[i] as number) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < DIMS; i++) (v as Float32Array)[i] = (v[i] as number) / norm;
  return v;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < DIMS; i++) dot += (a[i] as number) * (b[i] as number);
  return dot;
}

interface Stored {
  memory: Memory;
  vector: Float32Array;
}

/** One resident's memories, oldest first. */
export class MemoryStream {
  private readonly stored: Stored[] = [];
  /** Importance gathered since the last reflection: reflect when it passes a threshold. */
  pendingImportance = 0;

  constructor(readonly resident: string) {}

  /** How many memories are held in this process. */
  get size(): number {
    return this.stored.length;
  }

  /** The memories recall can still reach, for saving (the rest have decayed out of reach). */
  recent(): Memory[] {
    return this.stored.slice(-WINDOW).map((s) => ({ ...s.memory }));
  }

  add(memory: Memory): Memory {
    this.stored.push({ memory, vector: embed(memory.text) });
    // What recall can no longer reach is the store's to keep, not the process's: a town that runs
    // for months would otherwise hold every memory of every resident.
    if (this.stored.length > 2 * WINDOW) this.stored.splice(0, this.stored.length - WINDOW);
    if (memory.kind !== 'reflection') this.pendingImportance += memory.importance;
    return memory;
  }

  /** The `k` memories that best answer `query` at time `t`; recalling them refreshes their recency. */
  retrieve(query: string, t: number, k = 3, kinds?: readonly MemoryKind[]): Memory[] {
    const q = embed(query);
    const from = Math.max(0, this.stored.length - WINDOW);
    // Keep the best k in a small sorted list while scanning: recall runs every tick.
    const best: { s: Stored; score: number }[] = [];
    for (let i = from; i < this.stored.length; i++) {
      const s = this.stored[i] as Stored;
      if (kinds && !kinds.includes(s.memory.kind)) continue;
      const hours = Math.max(0, (t - s.memory.lastAccess) * 24);
      const score = DECAY_PER_HOUR ** hours + s.memory.importance / 10 + cosine(q, s.vector);
      if (best.length === k && score <= (best[k - 1] as { score: number }).score) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1] as { score: number }).score < score) at--;
      best.splice(at, 0, { s, score });
      if (best.length > k) best.pop();
    }
    return best.map(({ s }) => {
      s.memory.lastAccess = t;
      return s.memory;
    });
  }
}

/** How much a memory matters, by kind and by what it says. */
export function importanceOf(kind: MemoryKind, text: string, base = 0): number {
  let score = { observation: 2, conversation: 3, reflection: 7, plan: 1, task: 3 }[kind] + base;
  if (/raid|robbed|pirates|storm|flood|fire|siege|festival/i.test(text)) score += 4;
  return Math.max(1, Math.min(10, Math.round(score)));
}
