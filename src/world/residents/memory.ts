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
  /** Beside each stored memory, what recall reads of every one: when it was last recalled, its importance. */
  private readonly accessed: number[] = [];
  private readonly importance: number[] = [];
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
    this.stored.push({ memory, vector: embedOnce(memory.text) });
    this.accessed.push(memory.lastAccess);
    this.importance.push(memory.importance);
    // What recall can no longer reach is the store's to keep, not the process's: a town that runs
    // for months would otherwise hold every memory of every resident.
    if (this.stored.length > 2 * WINDOW) {
      const gone = this.stored.length - WINDOW;
      this.stored.splice(0, gone);
      this.accessed.splice(0, gone);
      this.importance.splice(0, gone);
    }
    if (memory.kind !== 'reflection') this.pendingImportance += memory.importance;
    return memory;
  }

  /**
   * The `k` memories that best answer `query` at time `t`, by recency + importance + relevance
   * (ties to the older); recalling them refreshes their recency.
   */
  retrieve(query: string, t: number, k = 3, kinds?: readonly MemoryKind[]): Memory[] {
    const q = embedOnce(query);
    const { stored, accessed, importance } = this;
    const from = Math.max(0, stored.length - WINDOW);
    // Recall runs every tick, over hundreds of memories: it scans the newest first, keeps the best
    // k in a small sorted list, and passes over a memory as soon as a bound on its score (its
    // recency and importance with the greatest relevance, or before that what its age allows)
    // falls short of the k-th best. The bounds only skip what could not have been chosen, so the
    // answer is the one a full scan gives.
    const best: Candidate[] = [];
    let floor = Number.NEGATIVE_INFINITY;
    // By importance (a whole number from 1 to 10): the age past which a memory is out of reach.
    const oldest = new Float64Array(11).fill(Number.NaN);
    for (let i = stored.length - 1; i >= from; i--) {
      const level = importance[i] as number;
      const weight = level / 10;
      const hours = Math.max(0, (t - (accessed[i] as number)) * 24);
      if (best.length === k) {
        let limit = oldest[level];
        if (limit === undefined) limit = hoursOutOfReach(floor - weight - 1 - SLACK);
        else if (Number.isNaN(limit)) {
          limit = hoursOutOfReach(floor - weight - 1 - SLACK);
          oldest[level] = limit;
        }
        if (hours > limit) continue;
      }
      const s = stored[i] as Stored;
      if (kinds && !kinds.includes(s.memory.kind)) continue;
      const base = DECAY_PER_HOUR ** hours + weight;
      if (best.length === k && base + 1 + SLACK < floor) continue;
      const score = base + cosine(q, s.vector);
      if (best.length === k && !before(score, i, best[k - 1] as Candidate)) continue;
      let at = best.length;
      while (at > 0 && before(score, i, best[at - 1] as Candidate)) at--;
      best.splice(at, 0, { s, score, i });
      if (best.length > k) best.pop();
      if (best.length === k && (best[k - 1] as Candidate).score !== floor) {
        floor = (best[k - 1] as Candidate).score;
        oldest.fill(Number.NaN);
      }
    }
    return best.map(({ s, i }) => {
      s.memory.lastAccess = t;
      accessed[i] = t;
      return s.memory;
    });
  }
}

interface Candidate {
  s: Stored;
  score: number;
  /** Its place in the stream: of two equal scores the older comes first. */
  i: number;
}

const before = (score: number, i: number, other: Candidate) =>
  score > other.score || (score === other.score && i < other.i);

/** More than the rounding of a relevance (a cosine of unit float32 vectors) above 1. */
const SLACK = 1e-3;
const LOG_DECAY = Math.log(DECAY_PER_HOUR);

/**
 * After how many hours a memory's recency is surely below `recency` (a margin beyond the exact
 * point, well over the rounding of the logarithm); never, when `recency` is not above 0.
 */
function hoursOutOfReach(recency: number): number {
  if (!(recency > 0)) return Number.POSITIVE_INFINITY;
  if (recency >= 1) return -1;
  return Math.log(recency) / LOG_DECAY + 1e-6;
}

/**
 * Texts repeat (a day's plan, work, a resident's persona as a query): their vectors are kept, the
 * newest 20,000 texts' at most. A vector is only ever read, so memories share it.
 */
const vectors = new Map<string, Float32Array>();

function embedOnce(text: string): Float32Array {
  let v = vectors.get(text);
  if (!v) {
    v = embed(text);
    if (vectors.size >= 20_000) vectors.clear();
    vectors.set(text, v);
  }
  return v;
}

/** How much a memory matters, by kind and by what it says. */
export function importanceOf(kind: MemoryKind, text: string, base = 0): number {
  let score = { observation: 2, conversation: 3, reflection: 7, plan: 1, task: 3 }[kind] + base;
  if (/raid|robbed|pirates|storm|flood|fire|siege|festival/i.test(text)) score += 4;
  return Math.max(1, Math.min(10, Math.round(score)));
}
