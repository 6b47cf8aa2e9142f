/**
 * Hybrid search over the history: the meaning of the query against the phrases' embeddings
 * (vector index), its words against the phrases' text (BM25), each ranking only the phrases with
 * events that pass the filters, the two rankings fused by reciprocal rank. Every event of a phrase
 * shares its phrase's score.
 *
 * Results are spread over phrases, by one rule in every mode (`Spread`):
 *  1. Phrases are taken best first, and each gives at most ⌈k/3⌉ of its events, newest first: ten
 *     results come from at least three phrases whenever three have events that pass the filters.
 *  2. Phrases that say the same thing share that allowance: a phrase whose vector is within cosine
 *     SAME_MEANING of a phrase taken already (the same sentence about another ship, good, reef or
 *     person) waits while other phrases remain.
 *  3. Only once every phrase that passes the filters has been walked and fewer than k events were
 *     found do the waiting phrases give their share, best first, and then the phrases with more
 *     events give more, best first, until there are k. So k come back whenever k pass the filters.
 * This is maximal marginal relevance with a threshold in place of a trade-off (λ): a near-copy of
 * what is shown gives way to something else that is relevant, and only to that. The results are in
 * the order of their scores, newest first among equals: the rule decides which events are shown,
 * never that a worse one comes before a better one.
 */
import type { Embedder } from './embedder.ts';
import { phraseOf } from './phrase.ts';
import type { Filters, SearchDb, Within } from './search-db.ts';
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

/** A phrase and its score in a ranking. */
interface Ranked {
  phrase: number;
  score: number;
}

/** Phrases that say the same thing, known by the vector of the first of them met. */
interface Meaning {
  vector: Float32Array | undefined;
  /** Events its phrases have given, against the allowance of ⌈k/3⌉. */
  used: number;
}

/** Reciprocal rank fusion's constant: how much the first places outweigh the next (Cormack et al. use 60). */
const RRF_K = 60;
/** The hybrid fuses at least this many phrases of each ranking (k when more), so agreement below the top counts. */
const FUSED_DEPTH = 10;
/**
 * Two phrases at this cosine or more say the same thing. With the built-in model the same sentence
 * about another ship, good or place scores 0.95–0.99, different events of one kind 0.75–0.93.
 */
export const SAME_MEANING = 0.95;
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
    const spread = new Spread(this.db, query, query.k, (phrase) => this.vectorOf(phrase));
    if (query.mode === 'keyword') return spread.walk(this.keywordPhrases(query.q, query));
    const vector = await this.embedQuery(query.q);
    if (query.mode === 'semantic') return spread.walk(this.semanticPhrases(vector, query, query.k));
    return this.hybrid(spread, query, vector);
  }

  private vectorOf(phrase: number): Float32Array | undefined {
    return this.vectors.vectorOf(phrase) ?? this.db.vectorOf(phrase);
  }

  /**
   * Both rankings' first phrases with events that pass the filters, fused by reciprocal rank; past
   * them, the semantic ranking goes on (below every fused phrase), so no matching event is out of reach.
   */
  private hybrid(spread: Spread, query: SearchQuery, vector: Float32Array): Hit[] {
    const depth = Math.max(query.k, FUSED_DEPTH);
    const fused = new Map<number, number>();
    // A place is a meaning: phrases that say the same thing share the place of the first of them,
    // so twelve near-copies of one sentence do not push a different answer twelve places down.
    const rank = (ranking: Iterator<Ranked>): void => {
      const places = new Map<Meaning, number>();
      for (let taken = 0; taken < depth; ) {
        const next = ranking.next();
        if (next.done) return;
        const { phrase } = next.value;
        if (!spread.hasEvents(phrase)) continue;
        const meaning = spread.meaningOf(phrase);
        let place = places.get(meaning);
        if (place === undefined) {
          place = places.size + 1;
          places.set(meaning, place);
        }
        fused.set(phrase, (fused.get(phrase) ?? 0) + 1 / (RRF_K + place));
        taken++;
      }
    };
    const semantic = this.semanticPhrases(vector, query, depth);
    rank(semantic);
    rank(this.keywordPhrases(query.q, query));
    const order: Ranked[] = [...fused]
      .map(([phrase, score]) => ({ phrase, score }))
      .sort((a, b) => b.score - a.score);
    function* beyond(): Generator<Ranked> {
      yield* order;
      let place = depth;
      for (let next = semantic.next(); !next.done; next = semantic.next()) {
        if (spread.hasEvents(next.value.phrase))
          yield { phrase: next.value.phrase, score: 1 / (RRF_K + ++place) };
      }
    }
    return spread.walk(beyond());
  }

  /** Phrases with the query's words that can pass the filters, best BM25 first. */
  private *keywordPhrases(q: string, filters: Filters): Generator<Ranked> {
    const seen = new Set<number>();
    for (let window = 64; ; window *= 4) {
      const phrases = this.db.keywordPhrases(q, window);
      for (const p of phrases) {
        if (seen.has(p.key)) continue;
        seen.add(p.key);
        if (this.db.phraseCanMatch(p.key, filters)) yield { phrase: p.key, score: p.score };
      }
      if (phrases.length < window) return;
    }
  }

  /**
   * Phrases that can pass the filters, most similar first. The window of nearest phrases widens
   * while they are asked for, never past the point where every phrase that can pass has come,
   * and a phrase the approximate graph leaves unreached is scored exactly at the end.
   */
  private *semanticPhrases(vector: Float32Array, filters: Filters, k: number): Generator<Ranked> {
    const size = this.vectors.size;
    const seen = new Set<number>();
    let passed = 0;
    let matching = Number.POSITIVE_INFINITY;
    for (let window = Math.min(size, Math.max(64, k)); window > 0; window = Math.min(size, window * 4)) {
      for (const n of this.vectors.search(vector, window)) {
        // The index holds a meaning's first phrase; every phrase of that meaning is as near.
        for (const phrase of this.db.phrasesOfMeaning(n.key)) {
          if (seen.has(phrase)) continue;
          seen.add(phrase);
          if (!this.db.phraseCanMatch(phrase, filters)) continue;
          passed++;
          yield { phrase, score: n.similarity };
          if (passed >= matching) return;
        }
      }
      if (window === size) break;
      if (matching === Number.POSITIVE_INFINITY) matching = this.db.phrasesThatCanMatch(filters);
      if (passed >= matching) return;
    }
    if (seen.size >= this.db.phraseCount) return;
    const rest: Ranked[] = [];
    for (let phrase = 1; phrase <= this.db.phraseCount; phrase++) {
      if (seen.has(phrase) || !this.db.phraseCanMatch(phrase, filters)) continue;
      const v = this.db.vectorOf(phrase);
      if (v) rest.push({ phrase, score: dot(vector, v) });
    }
    rest.sort((a, b) => b.score - a.score);
    yield* rest;
  }
}

/**
 * Phrases in ranked order become k events by the rule in the module comment: at most ⌈k/3⌉ per
 * phrase, shared by phrases of the same meaning, while other phrases remain; then the rest.
 */
class Spread {
  private readonly cap: number;
  private readonly out: Hit[] = [];
  private readonly seen = new Set<number>();
  /** Each phrase's first events that pass the filters, newest first: asked for once. */
  private readonly first = new Map<number, number[]>();
  private readonly meanings: Meaning[] = [];
  private readonly meaningOfPhrase = new Map<number, Meaning>();
  /** Phrases whose meaning had given its share when they came, best first. */
  private readonly waiting: Ranked[] = [];
  /** Phrases that gave events and may have more, with the oldest they gave. */
  private readonly given: (Ranked & { oldest: number })[] = [];
  /** The filters made ready once for the query's look-ups; null when no event can pass them. */
  private prepared: Within | null | undefined;

  constructor(
    private readonly db: SearchDb,
    private readonly filters: Filters,
    private readonly k: number,
    private readonly vectorOf: (phrase: number) => Float32Array | undefined,
  ) {
    this.cap = Math.ceil(k / 3);
  }

  private within(): Within | null {
    if (this.prepared === undefined) this.prepared = this.db.within(this.filters) ?? null;
    return this.prepared;
  }

  private events(phrase: number, limit: number, before?: number): number[] {
    const w = this.within();
    return w ? this.db.eventsWithin(phrase, w, limit, before) : [];
  }

  /** A phrase's first ⌈k/3⌉ events that pass the filters, newest first; looked up once, and not at all where it has none. */
  private firstEvents(phrase: number): number[] {
    let ids = this.first.get(phrase);
    if (!ids) {
      const w = this.within();
      ids = w && this.db.hasEventsWithin(phrase, w) !== false ? this.events(phrase, this.cap) : [];
      this.first.set(phrase, ids);
    }
    return ids;
  }

  /** Whether any event of the phrase passes the filters. */
  hasEvents(phrase: number): boolean {
    return this.firstEvents(phrase).length > 0;
  }

  /** Takes phrases in their order until there are k events; the events, best first. */
  walk(ranked: Iterable<Ranked>): Hit[] {
    for (const r of ranked) {
      this.take(r);
      if (this.out.length >= this.k) break;
    }
    return this.finish();
  }

  private take(r: Ranked): void {
    if (this.seen.has(r.phrase)) return;
    this.seen.add(r.phrase);
    const w = this.within();
    if (!w || this.db.hasEventsWithin(r.phrase, w) === false) return;
    const meaning = this.meaningOf(r.phrase);
    // A phrase that waits is looked up only if it comes to give.
    if (meaning.used >= this.cap) {
      this.waiting.push(r);
      return;
    }
    const ids = this.firstEvents(r.phrase);
    if (ids.length > 0) meaning.used += this.give(r, ids.slice(0, this.cap - meaning.used));
  }

  /** The meaning of a phrase: that of the first phrase met within SAME_MEANING of it, or its own. */
  meaningOf(phrase: number): Meaning {
    let meaning = this.meaningOfPhrase.get(phrase);
    if (meaning) return meaning;
    const vector = this.vectorOf(phrase);
    meaning = vector && this.meanings.find((m) => m.vector && dot(m.vector, vector) >= SAME_MEANING);
    if (!meaning) {
      meaning = { vector, used: 0 };
      this.meanings.push(meaning);
    }
    this.meaningOfPhrase.set(phrase, meaning);
    return meaning;
  }

  /** Adds events of a phrase, as many as there is room for; how many. */
  private give(r: Ranked, ids: readonly number[]): number {
    const n = Math.min(ids.length, this.k - this.out.length);
    for (const id of ids.slice(0, n)) this.out.push({ id, score: r.score });
    const all = this.firstEvents(r.phrase);
    // A phrase that gave every event it has here has no more to give.
    if (n > 0 && !(all.length < this.cap && n === all.length))
      this.given.push({ ...r, oldest: ids[n - 1] as number });
    return n;
  }

  private finish(): Hit[] {
    for (const r of this.waiting) {
      if (this.out.length >= this.k) break;
      this.give(r, this.firstEvents(r.phrase).slice(0, this.cap));
    }
    const more = [...this.given].sort((a, b) => b.score - a.score);
    for (const g of more) {
      if (this.out.length >= this.k) break;
      for (const id of this.events(g.phrase, this.k - this.out.length, g.oldest))
        this.out.push({ id, score: g.score });
    }
    return this.out.sort((a, b) => b.score - a.score || b.id - a.id);
  }
}
