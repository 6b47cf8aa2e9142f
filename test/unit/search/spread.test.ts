/**
 * How results spread over phrases (src/search/search.ts), on a made-up index whose vectors are
 * chosen: no phrase gives more than ⌈k/3⌉ events while others have some, phrases of one meaning
 * share that allowance, k come back whenever k pass the filters, and scores never go up. And what
 * is embedded for a phrase (src/search/phrase.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { StoredEvent } from '../../../src/events/contracts.ts';
import type { Embedder } from '../../../src/search/embedder.ts';
import { meaningOf, phraseOf } from '../../../src/search/phrase.ts';
import { type Hit, SAME_MEANING, Searcher, type SearchQuery } from '../../../src/search/search.ts';
import { type Filters, SearchDb } from '../../../src/search/search-db.ts';
import { dot, VectorIndex } from '../../../src/search/vector-index.ts';
import { normalise } from '../../../src/search/vectors.ts';
import { Rng } from '../../../src/world/rng.ts';

const DIMS = 64;
const QUERY = 'the query';
/** The query points along the first axis; phrase p along its own axis as well, tilted by its similarity. */
const queryVector = (): Float32Array =>
  normalise(Float32Array.from({ length: DIMS }, (_, i) => (i === 0 ? 1 : 0)));
function tilted(similarity: number, axis: number, jitter = 0): Float32Array {
  const v = new Float32Array(DIMS);
  v[0] = similarity;
  v[axis] = Math.sqrt(1 - similarity ** 2);
  if (jitter) v[DIMS - 1] = jitter;
  return normalise(v);
}

/** An embedder that knows only the query. */
const embedder: Embedder = {
  id: 'fixed',
  embed: async (texts) => texts.map(() => queryVector()),
  close: async () => {},
};

interface PhraseSpec {
  text: string;
  vector: Float32Array;
  /** Days its events fall on, one event each, in id order. */
  days: number[];
  town?: string;
  kind?: string;
}

/** A search over these phrases, their events interleaved by day as a history's are. */
function index(specs: PhraseSpec[]): { searcher: Searcher; events: (StoredEvent & { phrase: number })[] } {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-spread-'));
  const db = new SearchDb(join(dir, 'search.db'));
  db.reset(embedder.id);
  const vectors = VectorIndex.open(join(dir, 'vectors.usearch'), embedder.id);
  const all = specs.flatMap((s, p) => s.days.map((day, i) => ({ s, p: p + 1, day, i })));
  all.sort((a, b) => a.day - b.day || a.p - b.p || a.i - b.i);
  const events = all.map(({ s, p, day }, i) => ({
    id: i + 1,
    update_id: `u${i + 1}`,
    town: s.town ?? 'port-logic',
    town_seq: i + 1,
    day,
    hour: 12,
    ts: new Date(0).toISOString(),
    kind: s.kind ?? 'fishing',
    actor: null,
    text: s.text,
    data: {},
    phrase: p,
  }));
  db.commit(
    events,
    events.map((e) => e.phrase),
    specs.map((s, i) => ({ id: i + 1, text: phraseOf(s.text), meaning: s.text, vector: s.vector })),
  );
  vectors.add(
    specs.map((_, i) => i + 1),
    specs.map((s) => s.vector),
  );
  return { searcher: new Searcher(db, vectors, embedder), events };
}

const days = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

function phrasesOf(hits: Hit[], events: (StoredEvent & { phrase: number })[]): number[] {
  const byId = new Map(events.map((e) => [e.id, e.phrase]));
  return hits.map((h) => byId.get(h.id) as number);
}

function count(values: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

function assertOrdered(hits: Hit[]): void {
  for (let i = 1; i < hits.length; i++) {
    const [a, b] = [hits[i - 1] as Hit, hits[i] as Hit];
    assert.ok(a.score > b.score || (a.score === b.score && a.id > b.id), `not best first at ${i}`);
  }
}

describe('results spread over phrases', () => {
  test('one phrase with many events takes ⌈k/3⌉ places; the next phrases take the rest, best first', async () => {
    const { searcher, events } = index([
      { text: 'best phrase', vector: tilted(0.9, 1), days: days(50) },
      { text: 'second phrase', vector: tilted(0.8, 2), days: days(50) },
      { text: 'third phrase', vector: tilted(0.7, 3), days: days(50) },
      { text: 'fourth phrase', vector: tilted(0.6, 4), days: days(50) },
    ]);
    for (const mode of ['semantic', 'hybrid'] as const) {
      for (const [k, expected] of [
        [10, [1, 1, 1, 1, 2, 2, 2, 2, 3, 3]],
        [3, [1, 2, 3]],
        [6, [1, 1, 2, 2, 3, 3]],
        [20, [...Array(7).fill(1), ...Array(7).fill(2), ...Array(6).fill(3)]],
      ] as const) {
        const hits = await searcher.search({ q: QUERY, k, mode });
        assert.deepEqual(phrasesOf(hits, events), expected, `${mode} k=${k}`);
        assertOrdered(hits);
      }
    }
    // Each phrase's events are its newest.
    const hits = await searcher.search({ q: QUERY, k: 10, mode: 'semantic' });
    const newest = events.filter((e) => e.phrase === 1).slice(-4);
    assert.deepEqual(
      hits.slice(0, 4).map((h) => h.id),
      newest.map((e) => e.id).reverse(),
    );
  });

  test('phrases that say the same thing share one allowance and wait while other phrases remain', async () => {
    const same = tilted(0.9, 1, 0.1); // the best phrase with another name in it
    assert.ok(dot(same, tilted(0.9, 1)) >= SAME_MEANING);
    assert.ok(dot(tilted(0.85, 2), tilted(0.9, 1)) < SAME_MEANING);
    const { searcher, events } = index([
      { text: 'Ivo kept the boats in', vector: tilted(0.9, 1), days: days(30) },
      { text: 'Nell kept the boats in', vector: same, days: days(30) },
      { text: 'the coffers were empty', vector: tilted(0.85, 2), days: days(30) },
      { text: 'no fish today', vector: tilted(0.8, 3), days: days(30) },
    ]);
    const hits = await searcher.search({ q: QUERY, k: 10, mode: 'semantic' });
    assert.deepEqual(phrasesOf(hits, events), [1, 1, 1, 1, 3, 3, 3, 3, 4, 4]);

    // Where only the two of one meaning are left, the second gives its share before the first gives more;
    // and where the first has fewer than its share, the second has the rest of it.
    const { searcher: two, events: twoEvents } = index([
      { text: 'Ivo kept the boats in', vector: tilted(0.9, 1), days: days(30) },
      { text: 'Nell kept the boats in', vector: same, days: days(30) },
      { text: 'the coffers were empty', vector: tilted(0.85, 2), days: days(30), kind: 'trade' },
    ]);
    for (const [filters, expected] of [
      // Nell's two come last to the page but first to the order: the order is the scores'.
      [{}, [1, 1, 1, 1, 2, 2, 3, 3, 3, 3]],
      [{ kind: 'fishing' }, [...Array(6).fill(1), ...Array(4).fill(2)]],
      [{ kind: 'fishing', fromDay: 28 }, [1, 1, 1, 2, 2, 2]],
    ] as const) {
      const both = await two.search({ q: QUERY, k: 10, mode: 'semantic', ...filters });
      assert.deepEqual(phrasesOf(both, twoEvents), expected, JSON.stringify(filters));
      assertOrdered(both);
    }
  });

  test('where the filters leave too few phrases, the best fill k; k come back whenever k pass', async () => {
    const { searcher, events } = index([
      { text: 'the mill ground grain', vector: tilted(0.9, 1), days: days(40), kind: 'mill' },
      { text: 'the boats came in', vector: tilted(0.5, 2), days: days(40) },
      { text: 'the nets were mended', vector: tilted(0.4, 3), days: [10, 11, 12], kind: 'maritime' },
      { text: 'a poor catch', vector: tilted(0.3, 4), days: [5, 20] },
    ]);
    for (const mode of ['semantic', 'hybrid', 'keyword'] as const) {
      const q = mode === 'keyword' ? 'the mill ground grain' : QUERY;
      const mill = await searcher.search({ q, k: 10, mode, kind: 'mill' });
      assert.deepEqual(phrasesOf(mill, events), Array(10).fill(1), mode);
      assertOrdered(mill);
    }
    // Two fishing phrases: the poor catch gives both its events, the boats the other eight, and
    // the order stays the scores' (the boats' eight first).
    const fishing = await searcher.search({ q: QUERY, k: 10, mode: 'semantic', kind: 'fishing' });
    assert.deepEqual(phrasesOf(fishing, events), [...Array(8).fill(2), 4, 4]);
    assertOrdered(fishing);
  });

  test('any filters, any k: exact, no repeats, best first, and more than ⌈k/3⌉ of a phrase only when every phrase is in', async () => {
    const rng = Rng.of('spread-test');
    const towns = ['port-logic', 'circuiton'];
    const kinds = ['fishing', 'trade', 'mill'];
    const specs: PhraseSpec[] = Array.from({ length: 24 }, (_, p) => ({
      text: `phrase ${String.fromCharCode(97 + p)} of the harbour`,
      // Every third phrase is a near-copy of the one before it.
      vector: p % 3 === 2 ? tilted(0.3 + p / 40, p, 0.1) : tilted(0.3 + p / 40, p + 1),
      days: Array.from({ length: rng.int(1, 40) }, () => rng.int(1, 60)).sort((a, b) => a - b),
      town: towns[p % towns.length],
      kind: kinds[p % kinds.length],
    }));
    const { searcher, events } = index(specs);
    for (let trial = 0; trial < 150; trial++) {
      const filters: Filters = {};
      if (rng.chance(0.5)) filters.town = towns[rng.int(0, towns.length - 1)];
      if (rng.chance(0.4)) filters.kind = kinds[rng.int(0, kinds.length - 1)];
      if (rng.chance(0.5)) {
        filters.fromDay = rng.int(1, 60);
        filters.toDay = filters.fromDay + rng.int(0, 10);
      }
      const k = rng.pick([1, 3, 4, 10, 20, 50]);
      const mode = rng.pick(['semantic', 'hybrid', 'keyword'] as const);
      const query: SearchQuery = { q: mode === 'keyword' ? 'harbour' : QUERY, k, mode, ...filters };
      const label = JSON.stringify(query);
      const passes = (e: StoredEvent) =>
        (filters.town === undefined || e.town === filters.town) &&
        (filters.kind === undefined || e.kind === filters.kind) &&
        e.day >= (filters.fromDay ?? 1) &&
        e.day <= (filters.toDay ?? Number.MAX_SAFE_INTEGER);
      const matching = events.filter(passes);
      const hits = await searcher.search(query);
      const byId = new Map(events.map((e) => [e.id, e]));
      for (const h of hits)
        assert.ok(passes(byId.get(h.id) as StoredEvent), `${label}: ${h.id} does not pass`);
      assert.equal(hits.length, Math.min(k, matching.length), label);
      assert.equal(new Set(hits.map((h) => h.id)).size, hits.length, `${label}: repeats`);
      assertOrdered(hits);
      const given = count(phrasesOf(hits, events));
      if ([...given.values()].some((n) => n > Math.ceil(k / 3))) {
        const available = new Set(matching.map((e) => e.phrase));
        assert.deepEqual(
          [...given.keys()].sort(),
          [...available].sort(),
          `${label}: filled while phrases remained`,
        );
      }
      // At least three phrases whenever three have events that pass (k ≥ 5: 2·⌈k/3⌉ < k).
      if (k >= 5)
        assert.ok(
          given.size >= Math.min(3, new Set(matching.map((e) => e.phrase)).size),
          `${label}: ${given.size}`,
        );
    }
  });
});

describe('what is embedded for a phrase', () => {
  test("its kind's words, then the phrase with its actor as someone, whole words only", () => {
    assert.equal(
      meaningOf(
        'Ivo Gull kept the boats in harbour: a storm is blowing. No fish today.',
        'a fishing trip',
        'Ivo Gull',
      ),
      'a fishing trip: someone kept the boats in harbour: a storm is blowing. No fish today.',
    );
    assert.equal(
      meaningOf("Ida Pike's shift mined # tons of ore.", "a miners' shift", 'Ida Pike'),
      "a miners' shift: someone's shift mined # tons of ore.",
    );
    assert.equal(meaningOf('Johnny met John.', 'a day', 'John'), 'a day: Johnny met someone.');
    assert.equal(meaningOf('A (strange) name.', 'a day', '(strange)'), 'a day: A someone name.');
    assert.equal(meaningOf('No one did it.', 'omen', null), 'omen: No one did it.');
  });
});
