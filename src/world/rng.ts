/**
 * Deterministic randomness for the world core. Nothing in src/world may call Math.random:
 * every draw comes from an Rng derived from the world seed and a label, so the same seed
 * replays the same history in any process.
 */

/** A 32-bit avalanche mix (the MurmurHash3 finaliser). */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash a string into 32 bits (FNV-1a, then mixed). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h ^ s.length);
}

// Seeds, town ids and labels repeat on every step: remember their hashes.
const stringHashes = new Map<string, number>();

function hashPart(h: number, part: string | number): number {
  if (typeof part === 'string') {
    let sh = stringHashes.get(part);
    if (sh === undefined) {
      sh = hashString(part);
      if (stringHashes.size < 10_000) stringHashes.set(part, sh);
    }
    return mix32(h ^ sh);
  }
  // Fold in the high bits too so large integers stay distinct.
  return mix32(mix32(h ^ mix32((part | 0) + 0x7f4a7c15)) ^ Math.floor(part / 4294967296));
}

/** Hash a mix of strings and integers into one 32-bit value. */
export function hash(...parts: ReadonlyArray<string | number>): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = hashPart(h, part);
  return h;
}

/** A uniform number in [0, 1) that depends only on its inputs (stateless noise). */
export function unit(...parts: ReadonlyArray<string | number>): number {
  return hash(...parts) / 4294967296;
}

/** Stateless noise over integers only: the fast path for the weather, which draws it millions of times. */
export function noise(key: number, a: number, b = 0): number {
  return mix32(mix32(mix32(key ^ (a | 0)) + (b | 0)) ^ 0x5bd1e995) / 4294967296;
}

/** Small Fast Counter (sfc32): fast, 128-bit state, good statistical quality. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(seed: number) {
    this.a = mix32(seed ^ 0xa0761d65);
    this.b = mix32(seed ^ 0xe7037ed1);
    this.c = mix32(seed ^ 0x8ebc6af0);
    this.d = 1;
    // The state is already well mixed; a few rounds settle the counter.
    for (let i = 0; i < 4; i++) this.uint32();
  }

  /** An Rng determined entirely by its labels, e.g. `Rng.of(seed, townId, seq)`. */
  static of(...parts: ReadonlyArray<string | number>): Rng {
    return new Rng(hash(...parts));
  }

  /** An independent stream for a sub-task, so adding draws in one place never shifts another. */
  split(label: string): Rng {
    return new Rng(hash(this.uint32(), label));
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform float in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** The items in a random order (Fisher–Yates, in place). */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}
