/**
 * Hybrid search over the history: the meaning of the query against the phrases' embeddings
 * (vector index), its words against the events' text (BM25), both ranked only among the events
 * that pass the filters, fused by reciprocal rank. Every event of a phrase shares its similarity;
 * among equals the newest comes first.
 */
import type { Embedder } from './embedder.ts';
import { phraseOf } from './phrase.ts';
import type { Filters, SearchDb } from './search-db.ts';
import type { VectorIndex } from './vector-index.ts';

export type SearchMode = 'semantic' | 'keyword' | 'hybrid';

export interface SearchQuery extends Filters {
  q: string;
  k: number;
  mode: SearchMode;
}

export interface Hit {
  id: number;
  score: number;
}

/** Reciprocal rank fusion's constant: how much the first places outweigh the next (Cormack et al. use 60). */
const RRF_K = 60;
const QUERY_CACHE = 1000;

export class Searcher {
  private readonly queryVectors = new Map<string, Float32Array>();

  constructor(
    private readonly db: SearchDb,
    private readonly vectors: VectorIndex,
    private readonly embedder: Embedder,
  ) {}

  /** The query's embedding; recent queries are remembered. */
  async embedQuery(q: string): Promise<Float32Array> {
    const text = phraseOf(q);
    const cached = this.queryVectors.get(text);
    if (cached) return cached;
    const [vector] = await this.embedder.embed([text]);
    if (!vector) throw new Error('the embedder returned no vector');
    if (this.queryVectors.size >= QUERY_CACHE)
      this.queryVectors.delete(this.queryVectors.keys().next().value as string);
    this.queryVectors.set(text, vector);
    return vector;
  }

  async search(query: SearchQuery): Promise<Hit[]> {
    if (query.mode === 'keyword') return this.db.keyword(query.q, query, query.k);
    const vector = await this.embedQuery(query.q);
    if (query.mode === 'semantic') return this.semantic(vector, query, query.k);
    return this.hybrid(query, vector);
  }

  /** Both rankings, fused; each list is deeper than k so that agreement below the top counts. */
  hybrid(query: SearchQuery, vector: Float32Array): Hit[] {
    const depth = Math.max(query.k * 3, 50);
    const fused = new Map<number, number>();
    const add = (id: number, rank: number): void => {
      fused.set(id, (fused.get(id) ?? 0) + 1 / (RRF_K + rank));
    };
    for (const hit of this.semanticRanked(vector, query, depth)) add(hit.id, hit.rank);
    for (const [i, hit] of this.db.keyword(query.q, query, depth).entries()) add(hit.id, i + 1);
    return [...fused]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .slice(0, query.k);
  }

  semantic(vector: Float32Array, filters: Filters, k: number): Hit[] {
    return this.semanticRanked(vector, filters, k).map(({ id, score }) => ({ id, score }));
  }

  /**
   * The k most similar events that pass the filters. The walk widens its window of nearest phrases
   * until it has k events or has seen every phrase, so it never comes back short while more match.
   * `rank` is the phrase's place among the phrases that gave events (equal phrases, equal rank).
   */
  private semanticRanked(vector: Float32Array, filters: Filters, k: number): (Hit & { rank: number })[] {
    const out: (Hit & { rank: number })[] = [];
    const seen = new Set<number>();
    let rank = 0;
    const take = (phrase: number, similarity: number): boolean => {
      if (seen.has(phrase)) return false;
      seen.add(phrase);
      if (!this.db.phraseCanMatch(phrase, filters)) return false;
      const ids = this.db.eventsOfPhrase(phrase, filters, k - out.length);
      if (ids.length === 0) return false;
      rank++;
      for (const id of ids) out.push({ id, score: similarity, rank });
      return out.length >= k;
    };
    const size = this.vectors.size;
    for (let window = Math.min(size, Math.max(64, k)); window > 0; window = Math.min(size, window * 4)) {
      for (const n of this.vectors.search(vector, window)) if (take(n.key, n.similarity)) return out;
      if (window === size) break;
    }
    // An approximate graph may leave a phrase unreached: score what is left exactly.
    if (seen.size < this.db.phraseCount) {
      const rest: { key: number; similarity: number }[] = [];
      for (let phrase = 1; phrase <= this.db.phraseCount; phrase++) {
        if (seen.has(phrase) || !this.db.phraseCanMatch(phrase, filters)) continue;
        const v = this.db.vectorOf(phrase);
        if (v) rest.push({ key: phrase, similarity: dot(vector, v) });
      }
      rest.sort((a, b) => b.similarity - a.similarity);
      for (const n of rest) if (take(n.key, n.similarity)) return out;
    }
    return out;
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
