/**
 * Hybrid search over the history: the meaning of the query against the phrases' embeddings
 * (vector index), its words against the events' text (BM25), both ranked only among the events
 * that pass the filters, fused by reciprocal rank. Every event of a phrase shares its similarity;
 * among equals the newest comes first.
 */
import type { Embedder } from './embedder.ts';
import { phraseOf } from './phrase.ts';
import type { Filters, SearchDb } from './search-db.ts';
import { dot, type VectorIndex } from './vector-index.ts';

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
    if (query.mode === 'keyword') return this.keyword(query.q, query, query.k);
    const vector = await this.embedQuery(query.q);
    if (query.mode === 'semantic') return this.semantic(vector, query, query.k);
    return this.hybrid(query, vector);
  }

  /** Both rankings, fused; each list is deeper than k so that agreement below the top counts. */
  private hybrid(query: SearchQuery, vector: Float32Array): Hit[] {
    const depth = Math.max(query.k * 3, 50);
    const fused = new Map<number, number>();
    const add = (id: number, rank: number): void => {
      fused.set(id, (fused.get(id) ?? 0) + 1 / (RRF_K + rank));
    };
    for (const hit of this.semanticRanked(vector, query, depth)) add(hit.id, hit.rank);
    for (const hit of this.keywordRanked(query.q, query, depth)) add(hit.id, hit.rank);
    return [...fused]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .slice(0, query.k);
  }

  private keyword(q: string, filters: Filters, k: number): Hit[] {
    return this.keywordRanked(q, filters, k).map(({ id, score }) => ({ id, score }));
  }

  /** The k events whose phrases have the query's words, best BM25 first, within the filters. */
  private keywordRanked(q: string, filters: Filters, k: number): (Hit & { rank: number })[] {
    const walk = new PhraseWalk(this.db, filters, k);
    for (let window = 64; ; window *= 4) {
      const phrases = this.db.keywordPhrases(q, window);
      for (const p of phrases) if (walk.take(p.key, p.score)) return walk.out;
      if (phrases.length < window) return walk.out;
    }
  }

  private semantic(vector: Float32Array, filters: Filters, k: number): Hit[] {
    return this.semanticRanked(vector, filters, k).map(({ id, score }) => ({ id, score }));
  }

  /**
   * The k most similar events that pass the filters. The walk widens its window of nearest phrases
   * until it has k events or has seen every phrase, so it never comes back short while more match.
   * `rank` is the phrase's place among the phrases that gave events (equal phrases, equal rank).
   */
  private semanticRanked(vector: Float32Array, filters: Filters, k: number): (Hit & { rank: number })[] {
    const walk = new PhraseWalk(this.db, filters, k);
    const size = this.vectors.size;
    for (let window = Math.min(size, Math.max(64, k)); window > 0; window = Math.min(size, window * 4)) {
      for (const n of this.vectors.search(vector, window))
        if (walk.take(n.key, n.similarity)) return walk.out;
      if (window === size) break;
    }
    // An approximate graph may leave a phrase unreached: score what is left exactly.
    if (walk.seen.size < this.db.phraseCount) {
      const rest: { key: number; similarity: number }[] = [];
      for (let phrase = 1; phrase <= this.db.phraseCount; phrase++) {
        if (walk.seen.has(phrase) || !this.db.phraseCanMatch(phrase, filters)) continue;
        const v = this.db.vectorOf(phrase);
        if (v) rest.push({ key: phrase, similarity: dot(vector, v) });
      }
      rest.sort((a, b) => b.similarity - a.similarity);
      for (const n of rest) if (walk.take(n.key, n.similarity)) return walk.out;
    }
    return walk.out;
  }
}

/**
 * Phrases in ranked order become events: each phrase's events that pass the filters, newest
 * first, until there are k. Phrases that occur in no matching town, kind or day are skipped
 * unread. `rank` is the phrase's place among the phrases that gave events (equal phrases, equal rank).
 */
class PhraseWalk {
  readonly out: (Hit & { rank: number })[] = [];
  readonly seen = new Set<number>();
  private rank = 0;

  constructor(
    private readonly db: SearchDb,
    private readonly filters: Filters,
    private readonly k: number,
  ) {}

  /** Takes a phrase's events; true once it has k. */
  take(phrase: number, score: number): boolean {
    if (this.seen.has(phrase)) return false;
    this.seen.add(phrase);
    if (!this.db.phraseCanMatch(phrase, this.filters)) return false;
    const ids = this.db.eventsOfPhrase(phrase, this.filters, this.k - this.out.length);
    if (ids.length === 0) return false;
    this.rank++;
    for (const id of ids) this.out.push({ id, score, rank: this.rank });
    return this.out.length >= this.k;
  }
}
