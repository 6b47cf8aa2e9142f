/**
 * Search as the aggregator and the CLI use it: the embedder, the search database and vector index
 * beside the store, the background indexer, and queries answered with whole events.
 */
import { type SearchPaths, searchPaths } from '../files/data-dir.ts';
import type { EventStore, StoredEvent } from '../store/store.ts';
import { WORLD } from '../world/map.ts';
import type { EventKindDef } from '../world/town.ts';
import { createEmbedder, type Embedder, type EmbedderConfig } from './embedder.ts';
import { Indexer, type IndexerOptions } from './indexer.ts';
import { Searcher, type SearchQuery } from './search.ts';
import { isDamaged, SearchDb, SearchDbError } from './search-db.ts';
import { VectorIndex } from './vector-index.ts';

export type SearchOrder = 'relevance' | 'time';

export interface SearchRequest extends SearchQuery {
  order: SearchOrder;
}

export interface SearchResponse {
  results: (StoredEvent & { score: number })[];
  /** Stored events the index has not reached yet: they cannot be found until it has. */
  index_lag: number;
  /** Set when the answer is less than what was asked, e.g. keyword-only while the embedder fails. */
  warning?: string;
}

/** Semantic search needs the embedder, and it failed (a remote endpoint down, say). */
export class SearchUnavailableError extends Error {}

export interface OpenSearchOptions extends Omit<IndexerOptions, 'aboutOf' | 'gistOf'> {
  embedder?: Embedder;
  embedderConfig?: EmbedderConfig;
  /**
   * The world's kinds of events: what each is about is embedded with its phrases (phrase.ts). The
   * built-in towns' when not given; a world with more towns passes its own (`world.kinds`).
   */
  kinds?: readonly Pick<EventKindDef, 'kind' | 'about'>[];
  /** The world whose grammars give each phrase its gist (`world.gist`); the built-in towns' when not given. */
  gist?: (text: string) => string;
}

export class SearchService {
  private constructor(
    private readonly store: EventStore,
    readonly db: SearchDb,
    readonly vectors: VectorIndex,
    readonly embedder: Embedder,
    readonly indexer: Indexer,
    private readonly searcher: Searcher,
  ) {}

  /**
   * Opens the search files of a data directory. Made by another embedder, they are emptied and
   * indexing starts again; a vector index saved before the last phrases gets them from the database.
   *
   * The search files are derived from the store, so damage to them never stops the caller: a search
   * database that is not a database or fails its page check is moved aside (logged, with where to)
   * and started afresh, with the vector index, and the indexer rebuilds both from the first event in
   * the background; a vector index that does not match its checksum is removed and filled again from
   * the search database. Any other failure to open them is thrown, naming the file.
   */
  static open(dataDir: string, store: EventStore, options: OpenSearchOptions = {}): SearchService {
    const embedder = options.embedder ?? createEmbedder(options.embedderConfig);
    const paths = searchPaths(dataDir);
    const db = openOrStartAfresh(paths, options.log);
    if (db.embedder !== embedder.id) {
      if (db.embedder)
        options.log?.(`search: the index was made with ${db.embedder}, now ${embedder.id}: rebuilding it`);
      db.reset(embedder.id);
      VectorIndex.remove(paths.vectors);
    }
    const vectors = VectorIndex.open(paths.vectors, embedder.id, { log: options.log });
    if (vectors.reached > db.phraseCount) {
      // The vector file is ahead of the database (a lost write): it cannot be trusted, rebuild it.
      vectors.reset();
    }
    const missing = db.phrasesAfter(vectors.needsFrom).filter((p) => db.firstOfMeaning(p.id) === p.id);
    vectors.add(
      missing.map((p) => p.id),
      missing.map((p) => p.vector),
    );
    const about = new Map((options.kinds ?? WORLD.kinds).map((k) => [k.kind, k.about]));
    const indexer = new Indexer(store, db, vectors, embedder, {
      ...options,
      aboutOf: (kind) => about.get(kind),
      gistOf: options.gist ?? ((text) => WORLD.gist(text)),
    });
    return new SearchService(store, db, vectors, embedder, indexer, new Searcher(db, vectors, embedder));
  }

  /** Empties the index so that the next catch-up rebuilds it from the first event. */
  static reset(dataDir: string, log?: (line: string) => void): void {
    const paths = searchPaths(dataDir);
    const db = openOrStartAfresh(paths, log);
    try {
      db.reset(db.embedder ?? '');
    } finally {
      db.close();
    }
    VectorIndex.remove(paths.vectors);
  }

  /**
   * Answers a query. A search database found damaged on the way is started afresh (the indexer
   * rebuilds it from the store) and the query answered from what it holds, with its index_lag.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    try {
      return await this.answer(request);
    } catch (error) {
      if (!isDamaged(error)) throw error;
      this.indexer.startAfresh(error);
      this.indexer.notify();
      return await this.answer(request);
    }
  }

  private async answer(request: SearchRequest): Promise<SearchResponse> {
    let warning: string | undefined;
    let hits: { id: number; score: number }[];
    try {
      hits = await this.searcher.search(request);
    } catch (error) {
      // The search files' own failures are not the embedder's.
      if (error instanceof SearchDbError) throw error;
      if (request.mode === 'semantic') throw new SearchUnavailableError((error as Error).message);
      if (request.mode !== 'hybrid') throw error;
      // Meaning needs the embedder; words do not. Say so rather than fail.
      warning = `semantic search is unavailable (${(error as Error).message}): these are keyword results`;
      hits = await this.searcher.search({ ...request, mode: 'keyword' });
    }
    const scores = new Map(hits.map((h) => [h.id, h.score]));
    const events = await this.store.byIds(hits.map((h) => h.id));
    const results = events.map((e) => ({ ...e, score: round(scores.get(e.id) ?? 0) }));
    if (request.order === 'time') results.sort((a, b) => a.day - b.day || a.hour - b.hour || a.id - b.id);
    return { results, index_lag: await this.indexer.lag(), ...(warning ? { warning } : {}) };
  }

  async close(): Promise<void> {
    await this.indexer.stop();
    this.db.close();
    await this.embedder.close();
  }
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The search database, its pages and keyword index checked (PRAGMA quick_check and FTS5's
 * integrity-check: about 5 ms for a 120-day history's 2.4 MB, growing with the file). Damaged, it
 * is moved aside with its WAL, the vector index is removed with it, and an empty database is opened
 * in its place for the indexer to fill from the store.
 */
function openOrStartAfresh(paths: SearchPaths, log?: (line: string) => void): SearchDb {
  try {
    return new SearchDb(paths.db, { check: true });
  } catch (error) {
    if (!isDamaged(error)) throw error;
    const aside = SearchDb.moveAside(paths.db);
    VectorIndex.remove(paths.vectors);
    log?.(
      `search: ${paths.db} is damaged (${error.reason}): moved to ${aside}, rebuilding the index from the store in the background`,
    );
    return new SearchDb(paths.db);
  }
}
