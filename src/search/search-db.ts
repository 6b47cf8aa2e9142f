/**
 * The search database, a SQLite file of its own beside the store so indexing never takes the
 * store's write lock: the phrases with their embeddings (the embedding cache), which phrase each
 * event has with the fields the filters need, and an FTS5 keyword index (BM25). The indexer
 * writes it in transactions that also record the event it has reached, so it is always whole.
 */
import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { StoredEvent } from '../store/store.ts';
import { fromBlob, toBlob } from './vectors.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- A phrase's vector is of its meaning (phrase.ts); phrases of one meaning share one vector.
  CREATE TABLE IF NOT EXISTS phrases (
    id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE, meaning TEXT NOT NULL, vector BLOB NOT NULL
  );
  CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, phrase INTEGER NOT NULL, town TEXT NOT NULL, kind TEXT NOT NULL, day INTEGER NOT NULL
  );
  -- A phrase's events newest first, for semantic results.
  CREATE INDEX IF NOT EXISTS docs_phrase ON docs (phrase, id);
  -- The event ids each day spans: a day range becomes a rowid range the keyword index can seek.
  CREATE TABLE IF NOT EXISTS days (day INTEGER PRIMARY KEY, first_id INTEGER NOT NULL, last_id INTEGER NOT NULL);
  -- Where and when each phrase occurs: phrases that cannot pass the filters are skipped unread.
  CREATE TABLE IF NOT EXISTS phrase_scope (
    phrase INTEGER NOT NULL, town TEXT NOT NULL, kind TEXT NOT NULL,
    first_day INTEGER NOT NULL, last_day INTEGER NOT NULL,
    PRIMARY KEY (phrase, town, kind)
  ) WITHOUT ROWID;
  -- The phrases' words, rowid = phrase id. Keywords rank phrases, as vectors do, and the ranking
  -- reaches events through docs_phrase within the filters: its cost follows the phrases, not the history.
  CREATE VIRTUAL TABLE IF NOT EXISTS phrases_text USING fts5 (
    text, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
  );
`;

/**
 * Raise when SCHEMA changes, or what the vectors are of: an older search database is then rebuilt
 * rather than misread. 2: a phrase's vector is of its meaning (phrase.ts), no longer of its words.
 */
const SCHEMA_VERSION = 2;

/** SQLite's codes for a file that is not a database, or whose pages do not hold together. */
const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;

/** A failure of the search database; its message starts with the file's path. */
export class SearchDbError extends Error {
  /** The database's generation the failure happened in: a later one has replaced that file already. */
  generation: number | undefined;

  constructor(
    readonly path: string,
    /** SQLite's extended result code, e.g. SQLITE_CORRUPT. */
    readonly code: string | undefined,
    /** What went wrong, without the path. */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${path}: ${reason}`, options);
    this.name = 'SearchDbError';
  }

  /** The file is not a database or is malformed: it cannot be used, only built again. */
  get damaged(): boolean {
    return this.code !== undefined && DAMAGE.test(this.code);
  }
}

/** Whether an error says the search database is damaged (and so must be built again). */
export function isDamaged(error: unknown): error is SearchDbError {
  return error instanceof SearchDbError && error.damaged;
}

function wrap(path: string, error: unknown): unknown {
  if (error instanceof SearchDbError) return error;
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  return new SearchDbError(path, typeof code === 'string' ? code : undefined, error.message, {
    cause: error,
  });
}

export interface OpenSearchDbOptions {
  /**
   * Check every page and the keyword index first (PRAGMA quick_check, FTS5's integrity-check): a
   * damaged file then fails here, where it can be set aside, not in some later query.
   */
  check?: boolean;
}

export interface Filters {
  town?: string;
  kind?: string;
  fromDay?: number;
  toDay?: number;
}

export interface NewPhrase {
  id: number;
  text: string;
  /** What was embedded for it (phrase.ts). */
  meaning: string;
  vector: Float32Array;
}

/**
 * Filters made ready for the many look-ups of one query: the event ids their days span, looked up
 * once, and where that span is narrow, which phrases have events in it at all.
 */
export interface Within {
  lo: number;
  hi: number;
  from: number;
  to: number;
  town: string | null;
  kind: string | null;
  /** The phrases with events that pass the filters: read on first asking where the days span at most NARROW events. */
  phrases?: ReadonlySet<number>;
  /** No day range: a phrase's scope (`phraseCanMatch`) tells exactly whether it has events that pass. */
  allDays: boolean;
}

/** Filter values as the queries bind them. */
type Bound = Omit<Within, 'phrases' | 'allDays'> & { limit: number };

/** A day range spanning at most this many events is read once for the phrases it holds (a week: ~900). */
const NARROW = 20_000;

interface Scope {
  town: string;
  kind: string;
  first_day: number;
  last_day: number;
}

/** Words too common to tell events apart: left out of keyword queries. */
const STOPWORDS = new Set(
  'a an and are as at be by did do for from had has have in is it its of on or our the their them they this to was were what when where which who with'.split(
    ' ',
  ),
);

/** The words of a query as an FTS5 expression that cannot be read as FTS5 syntax; undefined if none. */
function keywordExpression(q: string): string | undefined {
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => !STOPWORDS.has(w));
  if (words.length === 0) return undefined;
  return words
    .slice(0, 16)
    .map((w) => `"${w}"`)
    .join(' OR ');
}

function prepare(db: Database.Database) {
  return {
    meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    insertPhrase: db.prepare('INSERT INTO phrases (id, text, meaning, vector) VALUES (?, ?, ?, ?)'),
    insertDoc: db.prepare('INSERT INTO docs (id, phrase, town, kind, day) VALUES (?, ?, ?, ?, ?)'),
    insertText: db.prepare('INSERT INTO phrases_text (rowid, text) VALUES (?, ?)'),
    day: db.prepare(
      `INSERT INTO days (day, first_id, last_id) VALUES (?, ?, ?)
       ON CONFLICT (day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id)`,
    ),
    scope: db.prepare(
      `INSERT INTO phrase_scope (phrase, town, kind, first_day, last_day) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day)`,
    ),
    idRange: db.prepare<[number, number], { lo: number | null; hi: number | null }>(
      'SELECT min(first_id) AS lo, max(last_id) AS hi FROM days WHERE day BETWEEN ? AND ?',
    ),
    phrasesWithin: db.prepare<[Omit<Bound, 'limit'>], { phrase: number }>(
      `SELECT DISTINCT phrase FROM docs WHERE id BETWEEN @lo AND @hi AND day BETWEEN @from AND @to
         AND (@town IS NULL OR town = @town) AND (@kind IS NULL OR kind = @kind)`,
    ),
    keyword: db.prepare<[string, number], { phrase: number; rank: number }>(
      'SELECT rowid AS phrase, bm25(phrases_text) AS rank FROM phrases_text WHERE phrases_text MATCH ? ORDER BY rank LIMIT ?',
    ),
    phrasesAfter: db.prepare<[number], { id: number; vector: Buffer }>(
      'SELECT id, vector FROM phrases WHERE id > ? ORDER BY id',
    ),
    vectorOf: db.prepare<[number], { vector: Buffer }>('SELECT vector FROM phrases WHERE id = ?'),
  };
}

export class SearchDb {
  private db!: Database.Database;
  private statements!: ReturnType<typeof prepare>;
  private readonly phraseIds = new Map<string, number>();
  /** The first phrase of each meaning: a phrase of a meaning embedded before takes its vector. */
  private readonly meanings = new Map<string, number>();
  /** Each phrase's meaning, as the first phrase of it; and each such first phrase's others. */
  private readonly firstOf = new Map<number, number>();
  private readonly others = new Map<number, number[]>();
  private readonly scopes = new Map<number, Scope[]>();
  /** The statements of `ofPhrase`, by the filters' shape; they belong to the open file. */
  private readonly ofPhraseShapes = new Map<
    string,
    Database.Statement<(number | string)[], { id: number }>
  >();
  /** Counts the times the database was emptied or replaced: work begun before a change is not committed into it. */
  generation = 0;

  /**
   * Opens (or creates) the search database. Every SQLite failure here and in later queries is a
   * SearchDbError naming the file; `damaged` tells a file that can only be built again.
   */
  constructor(
    readonly path: string,
    options: OpenSearchDbOptions = {},
  ) {
    this.open(options);
  }

  private open(options: OpenSearchDbOptions): void {
    let db: Database.Database | undefined;
    try {
      db = new Database(this.path);
      db.pragma('journal_mode = WAL');
      // The search index can always be rebuilt from the store: it need not wait for the disk.
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -32768');
      if (options.check) {
        const found = db.pragma('quick_check(1)', { simple: true });
        if (found !== 'ok') {
          const said = String(found).replace(/\s*\n\s*/g, ' ');
          throw new SearchDbError(this.path, 'SQLITE_CORRUPT', `quick_check: ${said}`);
        }
      }
      if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
        // Another layout: the index is derived data, so it is dropped and built again from the store.
        const tables = db
          .prepare<[], { name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%'",
          )
          .all();
        const virtual = db
          .prepare<[], { name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'",
          )
          .all();
        for (const { name } of [...virtual, ...tables]) db.exec(`DROP TABLE IF EXISTS "${name}"`);
        db.exec(SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }
      if (options.check) {
        // The keyword index's own structure, which the page check does not read (under a millisecond).
        db.prepare("INSERT INTO phrases_text (phrases_text, rank) VALUES ('integrity-check', 0)").run();
      }
      const statements = prepare(db);
      this.phraseIds.clear();
      this.forgetMeanings();
      this.scopes.clear();
      for (const row of db
        .prepare<[], { id: number; text: string; meaning: string }>(
          'SELECT id, text, meaning FROM phrases ORDER BY id',
        )
        .iterate()) {
        this.phraseIds.set(row.text, row.id);
        this.addMeaning(row.id, row.meaning);
      }
      for (const row of db.prepare<[], Scope & { phrase: number }>('SELECT * FROM phrase_scope').iterate()) {
        this.addScope(row.phrase, row);
      }
      this.db = db;
      this.statements = statements;
      this.ofPhraseShapes.clear();
    } catch (error) {
      try {
        db?.close();
      } catch {
        // closing a file that failed to open tells nothing more
      }
      throw wrap(this.path, error);
    }
  }

  /** Runs a query, its failure naming the file. */
  private guard<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      const wrapped = wrap(this.path, error);
      if (wrapped instanceof SearchDbError) wrapped.generation ??= this.generation;
      throw wrapped;
    }
  }

  /**
   * Moves a damaged database (with its WAL and shared memory) aside and starts an empty one in its
   * place; the path it was moved to. The caller resets it for its embedder and indexes again.
   */
  startAfresh(): string {
    try {
      this.db.close();
    } catch {
      // a damaged file may not close cleanly: it is moved aside all the same
    }
    const aside = SearchDb.moveAside(this.path);
    this.generation++;
    this.open({});
    return aside;
  }

  /**
   * Moves a search database and its -wal and -shm files aside to `<path>.damaged-<time>`, for a
   * look later; the path of the moved database.
   */
  static moveAside(path: string): string {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let aside = `${path}.damaged-${stamp}`;
    for (let n = 2; existsSync(aside); n++) aside = `${path}.damaged-${stamp}-${n}`;
    try {
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${aside}${suffix}`);
    } catch (error) {
      throw new Error(`${path}: could not move it aside to ${aside}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return aside;
  }

  private addScope(phrase: number, scope: Scope): void {
    const list = this.scopes.get(phrase) ?? [];
    const same = list.find((s) => s.town === scope.town && s.kind === scope.kind);
    if (same) {
      same.first_day = Math.min(same.first_day, scope.first_day);
      same.last_day = Math.max(same.last_day, scope.last_day);
    } else {
      list.push({ ...scope });
      this.scopes.set(phrase, list);
    }
  }

  /** The embedder whose vectors this database holds, if any. */
  get embedder(): string | undefined {
    return this.guard(() => this.statements.meta.get('embedder')?.value);
  }

  /** The highest event id indexed: every event up to it is in. */
  get reached(): number {
    return this.guard(() => Number(this.statements.meta.get('reached')?.value ?? 0));
  }

  get phraseCount(): number {
    return this.phraseIds.size;
  }

  phraseId(text: string): number | undefined {
    return this.phraseIds.get(text);
  }

  /** The first phrase with this meaning, whose vector every later one shares. */
  phraseWithMeaning(meaning: string): number | undefined {
    return this.meanings.get(meaning);
  }

  /**
   * The first phrase of a phrase's meaning: the vector index holds one vector a meaning, under it
   * (thousands of phrases say a few hundred things; identical vectors in one graph are found badly).
   */
  firstOfMeaning(phrase: number): number {
    return this.firstOf.get(phrase) ?? phrase;
  }

  /** The phrases of the meaning whose first phrase this is: it, then the others in id order. */
  phrasesOfMeaning(first: number): readonly number[] {
    const others = this.others.get(first);
    return others ? [first, ...others] : [first];
  }

  private addMeaning(id: number, meaning: string): void {
    const first = this.meanings.get(meaning);
    if (first === undefined) {
      this.meanings.set(meaning, id);
      return;
    }
    this.firstOf.set(id, first);
    const others = this.others.get(first);
    if (others) others.push(id);
    else this.others.set(first, [id]);
  }

  private forgetMeanings(): void {
    this.meanings.clear();
    this.firstOf.clear();
    this.others.clear();
  }

  /** Forgets everything: the next indexing starts from the first event, with this embedder's vectors. */
  reset(embedder: string): void {
    this.guard(() =>
      this.db.transaction(() => {
        this.db.exec(
          'DELETE FROM docs; DELETE FROM days; DELETE FROM phrase_scope; DELETE FROM phrases; DELETE FROM meta;',
        );
        this.db.exec("INSERT INTO phrases_text (phrases_text) VALUES ('delete-all')");
        this.statements.setMeta.run('embedder', embedder);
        this.statements.setMeta.run('reached', '0');
      })(),
    );
    this.phraseIds.clear();
    this.forgetMeanings();
    this.scopes.clear();
    this.generation++;
  }

  /** Records a batch of events, in id order, with the phrase of each and the phrases new in it. */
  commit(events: readonly StoredEvent[], phrases: readonly number[], fresh: readonly NewPhrase[]): void {
    const s = this.statements;
    this.guard(() =>
      this.db.transaction(() => {
        for (const p of fresh) {
          s.insertPhrase.run(p.id, p.text, p.meaning, toBlob(p.vector));
          s.insertText.run(p.id, p.text);
        }
        events.forEach((e, i) => {
          const phrase = phrases[i] as number;
          s.insertDoc.run(e.id, phrase, e.town, e.kind, e.day);
          s.day.run(e.day, e.id, e.id);
          s.scope.run(phrase, e.town, e.kind, e.day, e.day);
        });
        const last = events.at(-1);
        if (last) s.setMeta.run('reached', String(last.id));
      })(),
    );
    for (const p of fresh) {
      this.phraseIds.set(p.text, p.id);
      this.addMeaning(p.id, p.meaning);
    }
    events.forEach((e, i) => {
      this.addScope(phrases[i] as number, { town: e.town, kind: e.kind, first_day: e.day, last_day: e.day });
    });
  }

  /** The next free phrase id. */
  nextPhraseId(): number {
    return this.phraseIds.size + 1;
  }

  /** Phrases after an id with their vectors, for a vector index that was saved earlier. */
  phrasesAfter(id: number): { id: number; vector: Float32Array }[] {
    return this.guard(() =>
      this.statements.phrasesAfter.all(id).map((row) => ({ id: row.id, vector: fromBlob(row.vector) })),
    );
  }

  vectorOf(phrase: number): Float32Array | undefined {
    const row = this.guard(() => this.statements.vectorOf.get(phrase));
    return row ? fromBlob(row.vector) : undefined;
  }

  /** Whether any event of the phrase can pass the filters. */
  phraseCanMatch(phrase: number, f: Filters): boolean {
    const list = this.scopes.get(phrase);
    if (!list) return false;
    const from = f.fromDay ?? 1;
    const to = f.toDay ?? Number.MAX_SAFE_INTEGER;
    return list.some(
      (s) =>
        (f.town === undefined || s.town === f.town) &&
        (f.kind === undefined || s.kind === f.kind) &&
        s.last_day >= from &&
        s.first_day <= to,
    );
  }

  /**
   * The filters made ready for one query's look-ups (`eventsWithin`): the event ids the days allow
   * as a range (a superset: towns' clocks interleave), and for a narrow range the phrases in it;
   * undefined when no event can pass.
   */
  within(f: Filters): Within | undefined {
    const from = f.fromDay ?? 1;
    const to = f.toDay ?? Number.MAX_SAFE_INTEGER;
    let lo = 0;
    let hi = Number.MAX_SAFE_INTEGER;
    const town = f.town ?? null;
    const kind = f.kind ?? null;
    if (f.fromDay === undefined && f.toDay === undefined)
      return { lo, hi, from, to, town, kind, allDays: true };
    const range = this.guard(() => this.statements.idRange.get(from, to));
    if (range?.lo == null || range.hi == null) return undefined;
    lo = range.lo;
    hi = range.hi;
    return { lo, hi, from, to, town, kind, allDays: false };
  }

  /**
   * Whether a phrase has events within prepared filters, where that is known without a look-up per
   * phrase: with no day range its scope tells; a narrow day range is read once for its phrases.
   */
  hasEventsWithin(phrase: number, w: Within): boolean | undefined {
    if (w.allDays)
      return this.phraseCanMatch(phrase, { town: w.town ?? undefined, kind: w.kind ?? undefined });
    if (!w.phrases && w.hi - w.lo < NARROW) {
      const { lo, hi, from, to, town, kind } = w;
      const rows = this.guard(() => this.statements.phrasesWithin.all({ lo, hi, from, to, town, kind }));
      w.phrases = new Set(rows.map((r) => r.phrase));
    }
    return w.phrases?.has(phrase);
  }

  /** A phrase's events within prepared filters, newest first; with `before`, only those older than that event. */
  eventsWithin(phrase: number, w: Within, limit: number, before?: number): number[] {
    if (w.phrases && !w.phrases.has(phrase)) return [];
    const hi = before === undefined ? w.hi : Math.min(w.hi, before - 1);
    const args: (number | string)[] = [phrase, w.lo, hi];
    if (!w.allDays) args.push(w.from, w.to);
    if (w.town !== null) args.push(w.town);
    if (w.kind !== null) args.push(w.kind);
    args.push(limit);
    const statement = this.ofPhrase(!w.allDays, w.town !== null, w.kind !== null);
    return this.guard(() => statement.all(...args)).map((r) => r.id);
  }

  /**
   * A phrase's events newest first, with only the conditions the filters need: one statement for
   * each shape of filters, prepared on first use (a condition that is always true still costs).
   */
  private ofPhrase(
    days: boolean,
    town: boolean,
    kind: boolean,
  ): Database.Statement<(number | string)[], { id: number }> {
    const key = `${days ? 'd' : ''}${town ? 't' : ''}${kind ? 'k' : ''}`;
    let statement = this.ofPhraseShapes.get(key);
    if (!statement) {
      const sql = [
        'SELECT id FROM docs WHERE phrase = ? AND id BETWEEN ? AND ?',
        days ? ' AND day BETWEEN ? AND ?' : '',
        town ? ' AND town = ?' : '',
        kind ? ' AND kind = ?' : '',
        ' ORDER BY id DESC LIMIT ?',
      ].join('');
      statement = this.guard(() => this.db.prepare<(number | string)[], { id: number }>(sql));
      this.ofPhraseShapes.set(key, statement);
    }
    return statement;
  }

  /** How many phrases have some event that may pass the filters (as `phraseCanMatch` tells). */
  phrasesThatCanMatch(f: Filters): number {
    if (f.town === undefined && f.kind === undefined && f.fromDay === undefined && f.toDay === undefined)
      return this.scopes.size;
    let n = 0;
    for (const phrase of this.scopes.keys()) if (this.phraseCanMatch(phrase, f)) n++;
    return n;
  }

  /** Phrases with the query's words, best BM25 first (positive scores, higher is better). */
  keywordPhrases(q: string, limit: number): { key: number; score: number }[] {
    const match = keywordExpression(q);
    if (!match) return [];
    return this.guard(() => this.statements.keyword.all(match, limit)).map((r) => ({
      key: r.phrase,
      score: -r.rank,
    }));
  }

  close(): void {
    this.guard(() => this.db.close());
  }
}
