/**
 * The vector index: USearch's HNSW graph over the phrases' embeddings, keyed by phrase id, with
 * its vectors in f16 (recall@10 as f32's, half the memory; i8 loses too much, bench/README.md).
 * It is saved beside the search database with the highest phrase id it holds, so a restart loads
 * it and adds only what came after; it is never rebuilt at start-up unless it is damaged.
 *
 * USearch's loader trusts its file: a damaged graph can abort the whole process from native code
 * (std::bad_alloc, "Linking to missing level"). So the record beside it keeps the graph's size and
 * SHA-256, and a file that does not match them is never handed to USearch: it is removed, and its
 * vectors come back from the search database, which stores every phrase's vector.
 *
 * While it holds few vectors it also keeps them in full and answers exactly: scanning a few
 * thousand is well under a millisecond, and an exact answer is the same whatever order the graph
 * was built in (a graph built in other batches or threads may find other approximate neighbours).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename } from 'node:path';
import { Index, MetricKind, ScalarKind } from 'usearch';
import { writeAtomic } from '../files/durable.ts';

// Searched with ef 256: at 1M clustered vectors ef 64 finds 0.84 of the true top 10, ef 256 0.97 (bench/README.md).
export const HNSW = { connectivity: 16, expansionAdd: 128, expansionSearch: 256 } as const;
/** Up to this many vectors, searches are exact scans; beyond it, the graph answers. */
export const EXACT_UP_TO = 4096;

interface Saved {
  embedder: string;
  dimensions: number;
  /** Every phrase up to this id is in the saved index. */
  reached: number;
  /** The saved graph's size in bytes and its SHA-256 (hex): what it must be to be loaded. */
  bytes: number;
  sha256: string;
}

export interface OpenVectorsOptions {
  /** Told why a saved index was not loaded (it names the file) when it is damaged. */
  log?: (line: string) => void;
}

export interface Neighbour {
  key: number;
  /** Cosine similarity, 1 for the same direction. */
  similarity: number;
}

export class VectorIndex {
  private index: Index | undefined;
  private dims: number | undefined;
  /** Highest phrase id added. */
  reached = 0;
  private dirty = false;
  /** The last exact ranking, for the same query asked again with a wider window. */
  private ranked: { query: Float32Array; size: number; order: Neighbour[] } | undefined;
  /** Every vector and its key, in full, while there are at most EXACT_UP_TO of them. */
  private exact: Map<number, Float32Array> | undefined = new Map();

  private constructor(
    private readonly path: string,
    private readonly embedder: string,
  ) {}

  /**
   * The saved index if it was made by this embedder and is whole, else an empty one. A saved
   * index that is not whole (its size or checksum differ from its record, the record is missing,
   * unreadable or from before checksums, or USearch refuses it) is logged and removed; the caller
   * adds the vectors again from `needsFrom`, which is then 0.
   */
  static open(path: string, embedder: string, options: OpenVectorsOptions = {}): VectorIndex {
    const vi = new VectorIndex(path, embedder);
    if (!existsSync(path)) return vi;
    const saved = readSaved(path);
    if (typeof saved === 'string') return VectorIndex.discard(path, embedder, saved, options);
    if (saved.embedder !== embedder) return vi;
    const problem = verify(path, saved);
    if (problem) return VectorIndex.discard(path, embedder, problem, options);
    try {
      vi.create(saved.dimensions).load(path);
    } catch (error) {
      return VectorIndex.discard(
        path,
        embedder,
        `is damaged (USearch could not load it: ${(error as Error).message})`,
        options,
      );
    }
    vi.reached = saved.reached;
    if (vi.size > EXACT_UP_TO) vi.exact = undefined;
    return vi;
  }

  private static discard(
    path: string,
    embedder: string,
    problem: string,
    options: OpenVectorsOptions,
  ): VectorIndex {
    VectorIndex.remove(path);
    options.log?.(`search: ${path} ${problem}: removed it, rebuilding the vectors from the search database`);
    return new VectorIndex(path, embedder);
  }

  private create(dimensions: number): Index {
    this.dims = dimensions;
    this.index = new Index({
      dimensions,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F16,
      connectivity: HNSW.connectivity,
      expansion_add: HNSW.expansionAdd,
      expansion_search: HNSW.expansionSearch,
      multi: false,
    });
    return this.index;
  }

  get size(): number {
    return this.index?.size() ?? 0;
  }

  /**
   * The phrase id after which the vectors must be added again on opening: the saved graph holds
   * up to `reached`, but exact search needs every vector in memory.
   */
  get needsFrom(): number {
    return this.exact ? 0 : this.reached;
  }

  has(key: number): boolean {
    return this.index?.contains(BigInt(key)) === true;
  }

  /** Adds vectors under their keys, skipping keys it holds already (a save may be older than its file). */
  add(keys: readonly number[], vectors: readonly Float32Array[]): void {
    if (keys.length === 0) return;
    const first = vectors[0] as Float32Array;
    const index = this.index ?? this.create(first.length);
    this.keepExact(keys, vectors);
    const fresh = keys.map((k, i) => [k, vectors[i] as Float32Array] as const).filter(([k]) => !this.has(k));
    if (fresh.length > 0) {
      const flat = new Float32Array(fresh.length * first.length);
      fresh.forEach(([, v], i) => {
        if (v.length !== first.length)
          throw new Error(`vector of ${v.length} dimensions, expected ${first.length}`);
        flat.set(v, i * first.length);
      });
      index.add(BigUint64Array.from(fresh.map(([k]) => BigInt(k))), flat, 0);
      this.dirty = true;
    }
    for (const k of keys) if (k > this.reached) this.reached = k;
  }

  private keepExact(keys: readonly number[], vectors: readonly Float32Array[]): void {
    const exact = this.exact;
    if (!exact) return;
    keys.forEach((key, i) => {
      if (!exact.has(key)) exact.set(key, vectors[i] as Float32Array);
    });
    if (exact.size > EXACT_UP_TO) this.exact = undefined;
  }

  /** A key's vector while the index keeps them in full (up to EXACT_UP_TO); beyond, undefined. */
  vectorOf(key: number): Float32Array | undefined {
    return this.exact?.get(key);
  }

  /** The k nearest keys, most similar first (ties: the lower key first). */
  search(query: Float32Array, k: number): Neighbour[] {
    const index = this.index;
    if (!index || index.size() === 0 || query.length !== this.dims) return [];
    if (this.exact) {
      // One scan per query: a search that widens its window asks again with the same query.
      if (this.ranked?.query !== query || this.ranked.size !== this.exact.size) {
        const order = [...this.exact]
          .map(([key, v]) => ({ key, similarity: dot(query, v) }))
          .sort((a, b) => b.similarity - a.similarity || a.key - b.key);
        this.ranked = { query, size: this.exact.size, order };
      }
      return this.ranked.order.slice(0, k);
    }
    const found = index.search(query.slice(), Math.min(k, index.size()), 1);
    const out: Neighbour[] = [];
    for (let i = 0; i < found.keys.length; i++) {
      const key = found.keys[i] as bigint;
      if (key === 0xffffffffffffffffn) break; // padding when fewer than k were found
      out.push({ key: Number(key), similarity: 1 - (found.distances[i] as number) });
    }
    return out;
  }

  /**
   * Writes the index and then its record of what it holds, with the graph's size and checksum;
   * each write replaces the old whole. A crash between the two leaves a graph its record does not
   * match, which the next open rebuilds rather than loads.
   */
  save(): void {
    if (!this.dirty || !this.index || this.dims === undefined) return;
    const tmp = `${this.path}.tmp`;
    try {
      this.index.save(tmp);
      const { bytes, sha256 } = digest(tmp);
      renameSync(tmp, this.path);
      const saved: Saved = {
        embedder: this.embedder,
        dimensions: this.dims,
        reached: this.reached,
        bytes,
        sha256,
      };
      writeAtomic(`${this.path}.json`, `${JSON.stringify(saved)}\n`);
    } catch (error) {
      throw new Error(`${this.path}: could not save the vector index: ${(error as Error).message}`, {
        cause: error,
      });
    }
    this.dirty = false;
  }

  /** Forgets every vector and removes the saved files: the vectors are added again from the first phrase. */
  reset(): void {
    this.index = undefined;
    this.dims = undefined;
    this.reached = 0;
    this.dirty = false;
    this.ranked = undefined;
    this.exact = new Map();
    VectorIndex.remove(this.path);
  }

  static remove(path: string): void {
    rmSync(path, { force: true });
    rmSync(`${path}.json`, { force: true });
  }
}

/** The record saved beside a graph, or why the graph cannot be trusted ("is damaged (…)"). */
function readSaved(path: string): Saved | string {
  const meta = `${path}.json`;
  let text: string;
  try {
    text = readFileSync(meta, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return `is damaged (${basename(meta)} is missing)`;
    return `is damaged (${basename(meta)} cannot be read: ${(error as Error).message})`;
  }
  let saved: Partial<Saved> | null;
  try {
    saved = JSON.parse(text) as Partial<Saved> | null;
  } catch (error) {
    return `is damaged (${basename(meta)} is not valid JSON: ${(error as Error).message})`;
  }
  if (typeof saved !== 'object' || saved === null || typeof saved.embedder !== 'string')
    return `is damaged (${basename(meta)} does not describe a vector index)`;
  if (typeof saved.bytes !== 'number' || typeof saved.sha256 !== 'string')
    return `cannot be verified (${basename(meta)} has no size and checksum: saved by an older version)`;
  if (!Number.isInteger(saved.dimensions) || !Number.isInteger(saved.reached))
    return `is damaged (${basename(meta)} does not describe a vector index)`;
  return saved as Saved;
}

/** Why a graph file is not the one its record describes ("is damaged (…)"), or undefined when it is. */
function verify(path: string, saved: Saved): string | undefined {
  try {
    const size = statSync(path).size;
    if (size !== saved.bytes) return `is damaged (${size} bytes where ${saved.bytes} were saved)`;
    if (digest(path).sha256 !== saved.sha256)
      return 'is damaged (its SHA-256 differs from the one saved with it)';
    return undefined;
  } catch (error) {
    return `is damaged (it cannot be read: ${(error as Error).message})`;
  }
}

/** A file's size and SHA-256, read in chunks so that a large graph is never in memory twice. */
function digest(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
