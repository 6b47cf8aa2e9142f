/**
 * The indexer: follows the store in sequence order and puts every event into the search
 * database and the vector index. It runs beside ingest, never in its way: embedding happens on
 * worker threads, each write is a short transaction in another SQLite file, and it yields between
 * batches. It starts where the search database says it stopped, so a restart or a kill loses nothing.
 * A search database that turns out damaged (SQLITE_CORRUPT, SQLITE_NOTADB) is not retried: it is
 * moved aside, started afresh with the vector index, and indexed again from the first event.
 */
import { setTimeout as sleep, setImmediate as yieldToIo } from 'node:timers/promises';
import type { EventStore } from '../store/store.ts';
import type { Embedder } from './embedder.ts';
import { meaningOf, phraseOf } from './phrase.ts';
import { isDamaged, type NewPhrase, type SearchDb, type SearchDbError } from './search-db.ts';
import type { VectorIndex } from './vector-index.ts';

export interface IndexerOptions {
  /** Events read and written per transaction. */
  batch?: number;
  /** Seconds between saves of the vector index while it changes. */
  saveEverySeconds?: number;
  log?: (line: string) => void;
  onIndexed?: (events: number) => void;
  /**
   * What a kind of event is about, in the world's words (EventKindDef.about): embedded with each
   * phrase of the kind. A kind it does not know is embedded with its name.
   */
  aboutOf?: (kind: string) => string | undefined;
  /**
   * A phrase's gist: the words the world's grammars vary put back to one choice (World.gist), so
   * phrases that say the same thing in other words share one embedding.
   */
  gistOf?: (phrase: string) => string;
}

/** How long after the last stored batch indexing starts, and the most it waits while they keep coming. */
const QUIET_MS = 150;
const MAX_DEFER_MS = 3_000;
/** Gists remembered at most; past it the cache starts again (a world has about 15,000 texts in 20 years). */
const MAX_GISTS = 100_000;

export class Indexer {
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  /** Set when events arrive while a batch is under way, so the loop does not sleep past them. */
  private notified = false;
  /** When new events were last stored: while they keep coming, ingest goes first. */
  private lastNotified = 0;
  private lastSave = Date.now();
  /** The last error logged, so a failure that repeats is logged once. */
  private lastError: string | undefined;
  private readonly batch: number;

  constructor(
    private readonly store: EventStore,
    private readonly db: SearchDb,
    private readonly vectors: VectorIndex,
    private readonly embedder: Embedder,
    private readonly options: IndexerOptions = {},
  ) {
    this.batch = options.batch ?? 500;
  }

  /** Masked texts and their gists: a few thousand texts a world, each read back once. */
  private readonly gists = new Map<string, string>();

  /**
   * A masked text's gist, the phrase it is indexed under: sentences that say the same thing in
   * other words of the towns' grammars are one phrase, for the keyword index and the vectors alike.
   */
  private gistOf(text: string): string {
    const gistOf = this.options.gistOf;
    if (!gistOf) return text;
    let gist = this.gists.get(text);
    if (gist === undefined) {
      if (this.gists.size >= MAX_GISTS) this.gists.clear();
      gist = gistOf(text);
      this.gists.set(text, gist);
    }
    return gist;
  }

  /** Stored events not indexed yet. */
  async lag(): Promise<number> {
    return Math.max(0, (await this.store.lastEventId()) - this.db.reached);
  }

  /** Indexes the next batch; the number of events it indexed (0: caught up). */
  async step(): Promise<number> {
    const generation = this.db.generation;
    const events = await this.store.after(this.db.reached, this.batch);
    if (events.length === 0) return 0;
    const phrases: number[] = [];
    // A new phrase's meaning comes from its first event: its kind's words and its actor.
    const fresh = new Map<string, { id: number; meaning: string }>();
    let next = this.db.nextPhraseId();
    for (const e of events) {
      const text = this.gistOf(phraseOf(e.text));
      let id = this.db.phraseId(text) ?? fresh.get(text)?.id;
      if (id === undefined) {
        id = next++;
        const about = this.options.aboutOf?.(e.kind) ?? e.kind;
        fresh.set(text, { id, meaning: meaningOf(text, about, e.actor) });
      }
      phrases.push(id);
    }
    // Phrases that differ only in their actor or their fillers mean the same: each meaning is embedded once, and a
    // phrase of a meaning embedded before takes that vector (the same in every build of the index).
    const vectorOf = new Map<string, Float32Array>();
    for (const { meaning } of fresh.values()) {
      const earlier = this.db.phraseWithMeaning(meaning);
      const vector = earlier === undefined ? undefined : this.db.vectorOf(earlier);
      if (vector) vectorOf.set(meaning, vector);
    }
    const meanings = [...new Set([...fresh.values()].map((f) => f.meaning))].filter((m) => !vectorOf.has(m));
    const embedded = meanings.length > 0 ? await this.embedder.embed(meanings) : [];
    // Started afresh while this batch was read or embedded: its phrase ids belong to the old one.
    if (this.db.generation !== generation) return this.step();
    meanings.forEach((m, i) => {
      vectorOf.set(m, embedded[i] as Float32Array);
    });
    const added: NewPhrase[] = [...fresh].map(([text, { id, meaning }]) => ({
      id,
      text,
      meaning,
      vector: vectorOf.get(meaning) as Float32Array,
    }));
    this.db.commit(events, phrases, added);
    // One vector a meaning, under its first phrase.
    const firsts = added.filter((p) => this.db.firstOfMeaning(p.id) === p.id);
    this.vectors.add(
      firsts.map((p) => p.id),
      firsts.map((p) => p.vector),
    );
    this.options.onIndexed?.(events.length);
    if (Date.now() - this.lastSave > (this.options.saveEverySeconds ?? 30) * 1000) this.save();
    return events.length;
  }

  /** Indexes until caught up, telling how far it has come. */
  async catchUp(onProgress?: (indexed: number) => void): Promise<number> {
    let total = 0;
    for (let n = await this.step(); n > 0 && !this.stopped; n = await this.step()) {
      total += n;
      onProgress?.(total);
      await yieldToIo();
    }
    return total;
  }

  /** Indexes in the background from now on; `notify` wakes it when new events are stored. */
  start(): void {
    this.running ??= this.loop();
  }

  notify(): void {
    this.notified = true;
    this.lastNotified = Date.now();
    this.wake?.();
  }

  /**
   * Ingest first: while batches keep arriving (a town catching up, a burst of posts), the
   * embedding model would take the cores they need, so indexing waits for a pause in them, at
   * most MAX_DEFER_MS at a time, and then goes on as before. A single update waits QUIET_MS.
   */
  private async pauseForIngest(): Promise<void> {
    const started = Date.now();
    while (!this.stopped && Date.now() - this.lastNotified < QUIET_MS && Date.now() - started < MAX_DEFER_MS)
      await sleep(QUIET_MS);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.pauseForIngest();
        this.notified = false;
        const n = await this.step();
        failures = 0;
        this.lastError = undefined;
        if (n === 0 && !this.notified) {
          this.save();
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          this.wake = undefined;
        } else {
          await yieldToIo();
        }
      } catch (caught) {
        failures++;
        let error = caught;
        if (isDamaged(error)) {
          try {
            this.startAfresh(error);
            // The first time at once; a file damaged again straight after waits like any failure.
            if (failures === 1) continue;
          } catch (failed) {
            error = failed;
          }
        }
        const message = (error as Error).message;
        if (message !== this.lastError) this.options.log?.(`search indexer: ${message}; will retry`);
        this.lastError = message;
        // Back off to at most 30 s; new events do not cut it short, stopping does.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
          this.wake = () => {
            if (!this.stopped) return;
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  save(): void {
    this.vectors.save();
    this.lastSave = Date.now();
  }

  /**
   * The search database is damaged: moves it aside, opens an empty one in its place, empties the
   * vector index, and logs it. The next steps index the store again from its first event.
   */
  startAfresh(error: SearchDbError): void {
    // Another failure of the same file started it afresh already.
    if (error.generation !== undefined && error.generation !== this.db.generation) return;
    const aside = this.db.startAfresh();
    this.db.reset(this.embedder.id);
    this.vectors.reset();
    this.lastError = undefined;
    this.options.log?.(
      `search: ${error.path} is damaged (${error.reason}): moved to ${aside}, rebuilding the index from the store in the background`,
    );
  }

  /** Finishes the batch under way and saves the vector index. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.save();
  }
}
