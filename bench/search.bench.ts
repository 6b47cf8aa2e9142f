/**
 * Search, measured on this machine (issue #4):
 *
 *   npm run bench:search                          (100k and 1M events, 100k and 1M vectors)
 *   npm run bench:search -- --events 100000 --vectors 100000    (a quicker run)
 *
 * 1. The pipeline on a simulated history of N events: indexing throughput with the built-in model
 *    (goal ≥ 2,000 events/s effective on 2 cores), query latency p50/p99 through SearchService
 *    (goal: a filtered hybrid query under 5 ms p50 at 1M; query embedding timed on its own), the
 *    vector index's recall@10 against exact search, and FAISS on the same phrase vectors.
 * 2. The vector index at N vectors, one per event, as if no two events shared a phrase: vectors
 *    scattered around the real phrase embeddings as far as real numbered texts are from their
 *    phrase (measured here with the model). USearch HNSW f16 against FAISS IndexFlatIP and
 *    IndexHNSWFlat (Debian's python3-faiss) in the same run, on the same vectors and queries.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exactSearch, Index, MetricKind, ScalarKind } from 'usearch';
import { eventStorePath } from '../src/files/data-dir.ts';
import type { Embedder } from '../src/search/embedder.ts';
import { meaningOf, phraseOf } from '../src/search/phrase.ts';
import { SearchService } from '../src/search/service.ts';
import { UseLiteEmbedder } from '../src/search/use-lite.ts';
import { dot, EXACT_UP_TO, HNSW, VectorIndex } from '../src/search/vector-index.ts';
import { normalise } from '../src/search/vectors.ts';
import { simulateIntoStore } from '../src/simulation/into-store.ts';
import { openEventStore } from '../src/store/open.ts';
import { WORLD } from '../src/world/map.ts';
import { Rng } from '../src/world/rng.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000,1000000' },
    vectors: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '300' },
    // FAISS's HNSW build at 1M vectors takes about 21 minutes here.
    'skip-faiss-at-scale': { type: 'boolean', default: false },
  },
});
const sizes = (s: string) =>
  s
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const QUERY_RUNS = Number(args.queries);
const EVENTS_PER_DAY = 131.5; // a simulated year holds ~48,000 events
const K = 10;
const PYTHON = '/usr/bin/python3'; // Debian's: python3-faiss is installed for it, not for other pythons

const QUERIES = [
  'pirates repaired their boat',
  'the thieves fixed their ship',
  'storm at sea',
  'ore mined in the mountains',
  'the mill stood idle',
  'a raid on a shipment',
  'fish caught in the harbour',
  'the river is low',
  'students at the academy',
  'metal forged into tools',
  'grain harvested in the fields',
  'drinks at the tavern',
  'ships unloaded spices',
  'arrows made for the crew',
  'no ship could make the harbour',
  'the miners are hungry',
  'heavy rain and wind',
  'the lookout saw sails',
  'goods arrived by river barge',
  'apprentice learned a trade',
];

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

function percentiles(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: pct(sorted, 0.5), p99: pct(sorted, 0.99) };
}

/** Counts what the model is asked and how long it takes, apart from the rest of indexing. */
class TimedEmbedder implements Embedder {
  texts = 0;
  seconds = 0;
  constructor(private readonly inner: Embedder) {}
  get id() {
    return this.inner.id;
  }
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const t = performance.now();
    const out = await this.inner.embed(texts);
    this.seconds += (performance.now() - t) / 1000;
    this.texts += texts.length;
    return out;
  }
  close() {
    return this.inner.close();
  }
}

function flatten(vectors: readonly Float32Array[], dims: number): Float32Array {
  const flat = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => {
    flat.set(v, i * dims);
  });
  return flat;
}

interface Faiss {
  faiss_version: string;
  flat_build_s: number;
  flat_p50_ms: number;
  flat_p99_ms: number;
  hnsw_build_s: number;
  /** One entry per efSearch tried on the same graph. */
  hnsw: { ef_search: number; p50_ms: number; p99_ms: number; recall_at_10: number }[];
}

/** FAISS on the same vectors, in Debian's python3; undefined (and said) if it is not installed. */
function faiss(
  base: Float32Array,
  queries: Float32Array,
  dims: number,
): { result?: Faiss; truth?: BigInt64Array } {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-faiss-'));
  try {
    writeFileSync(join(dir, 'base.f32'), new Uint8Array(base.buffer, base.byteOffset, base.byteLength));
    writeFileSync(
      join(dir, 'queries.f32'),
      new Uint8Array(queries.buffer, queries.byteOffset, queries.byteLength),
    );
    const script = new URL('./faiss_compare.py', import.meta.url).pathname;
    const run = spawnSync(PYTHON, [script, dir, String(dims), String(K)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) {
      console.log(`  FAISS: not run (${(run.stderr || run.error?.message || '').trim().split('\n').at(-1)})`);
      console.log('         install it with: apt-get install python3-faiss libopenblas0-pthread');
      return {};
    }
    const truth = new BigInt64Array(new Uint8Array(readFileSync(join(dir, 'truth.i64'))).buffer);
    return { result: JSON.parse(run.stdout) as Faiss, truth };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printFaiss(f: Faiss | undefined): void {
  if (!f) return;
  console.log(
    `  FAISS ${f.faiss_version} IndexFlatIP:   build ${fmt(f.flat_build_s, 2)} s · query p50 ${fmt(f.flat_p50_ms, 3)} ms, p99 ${fmt(f.flat_p99_ms, 3)} ms · recall@10 1 (exact)`,
  );
  for (const h of f.hnsw) {
    console.log(
      `  FAISS ${f.faiss_version} IndexHNSWFlat (M=16, ef 128/${h.ef_search}): build ${fmt(f.hnsw_build_s, 1)} s · query p50 ${fmt(h.p50_ms, 3)} ms, p99 ${fmt(h.p99_ms, 3)} ms · recall@10 ${fmt(h.recall_at_10, 3)}`,
    );
  }
}

/** Part 1: the whole pipeline on a simulated history. Returns the phrase vectors for part 2. */
async function pipeline(
  events: number,
): Promise<{ phrases: Float32Array[]; numbered: { text: string; phrase: number }[] }> {
  console.log(`\n## Pipeline on a simulated history of ~${fmt(events)} events`);
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-search-'));
  try {
    const days = Math.ceil(events / EVENTS_PER_DAY);
    const made = await simulateIntoStore({ world: WORLD, dataDir: dir, days, seed: '7' });
    console.log(`  simulated ${days} days: ${fmt(made.events)} events in ${fmt(made.seconds, 1)} s`);
    const store = await openEventStore(eventStorePath(dir));
    const embedder = new TimedEmbedder(new UseLiteEmbedder());
    const search = SearchService.open(dir, store, { embedder, batch: 5000 });
    const started = performance.now();
    const indexed = await search.indexer.catchUp();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  indexed ${fmt(indexed)} events in ${fmt(seconds, 1)} s: ${fmt(indexed / seconds)} events/s effective (goal ≥ 2,000)`,
    );
    console.log(
      `    ${fmt(embedder.texts)} distinct meanings of ${fmt(search.db.phraseCount)} phrases embedded in ${fmt(embedder.seconds, 1)} s (${fmt(embedder.texts / embedder.seconds)} texts/s on 2 worker threads); every other event's vector came from the cache`,
    );

    // Query embedding on its own: a cold query goes to the model once.
    const queryEmbed: number[] = [];
    const queryVectors: Float32Array[] = [];
    for (const q of QUERIES) {
      const t = performance.now();
      const [v] = await embedder.embed([phraseOf(q)]);
      queryEmbed.push(performance.now() - t);
      queryVectors.push(v as Float32Array);
    }
    const qe = percentiles(queryEmbed);
    console.log(`  query embedding (cold, one query): p50 ${fmt(qe.p50, 1)} ms, p99 ${fmt(qe.p99, 1)} ms`);

    const lastDay = days;
    const rng = Rng.of('bench-search', events);
    const towns = WORLD.ids;
    const shapes = {
      'hybrid, town + 7 days': (i: number) => {
        const from = rng.int(1, Math.max(1, lastDay - 7));
        return { mode: 'hybrid', town: towns[i % towns.length], fromDay: from, toDay: from + 6 } as const;
      },
      'hybrid, unfiltered': () => ({ mode: 'hybrid' }) as const,
      'semantic, town + 7 days': (i: number) => {
        const from = rng.int(1, Math.max(1, lastDay - 7));
        return { mode: 'semantic', town: towns[i % towns.length], fromDay: from, toDay: from + 6 } as const;
      },
      'keyword, town + 7 days': (i: number) => {
        const from = rng.int(1, Math.max(1, lastDay - 7));
        return { mode: 'keyword', town: towns[i % towns.length], fromDay: from, toDay: from + 6 } as const;
      },
      'keyword, unfiltered': () => ({ mode: 'keyword' }) as const,
    };
    for (const q of QUERIES) await search.search({ q, k: K, mode: 'semantic', order: 'relevance' }); // warm the query cache
    for (const [name, shape] of Object.entries(shapes)) {
      const times: number[] = [];
      for (let i = 0; i < QUERY_RUNS; i++) {
        const request = {
          q: QUERIES[i % QUERIES.length] as string,
          k: K,
          order: 'relevance' as const,
          ...shape(i),
        };
        const t = performance.now();
        await search.search(request);
        times.push(performance.now() - t);
      }
      const { p50, p99 } = percentiles(times);
      console.log(
        `  query ${name.padEnd(24)} p50 ${fmt(p50, 2)} ms, p99 ${fmt(p99, 2)} ms (k=${K}, events fetched)`,
      );
    }

    // The index against exact search, over the vectors it holds: one a meaning, under its first phrase.
    const held = [...search.db.phrasesAfter(0)].filter((p) => search.db.firstOfMeaning(p.id) === p.id);
    const phrases = held.map((p) => p.vector);
    const dims = phrases[0]?.length ?? 512;
    let hits = 0;
    const t = performance.now();
    for (const qv of queryVectors) {
      const approx = new Set(search.vectors.search(qv, K).map((n) => n.key));
      const exact = held
        .map((p) => ({ id: p.id, s: dot(qv, p.vector) }))
        .sort((a, b) => b.s - a.s)
        .slice(0, K);
      hits += exact.filter((e) => approx.has(e.id)).length;
    }
    console.log(
      `  vector index: ${fmt(phrases.length)} vectors, one a meaning (answered by exact scan up to ${fmt(EXACT_UP_TO)}), recall@10 ${fmt(hits / (K * queryVectors.length), 3)} against exact (${fmt((performance.now() - t) / queryVectors.length, 2)} ms per query incl. the exact scan)`,
    );
    printFaiss(faiss(flatten(phrases, dims), flatten(queryVectors, dims), dims).result);

    // Numbered texts and their phrases, to calibrate part 2: what is embedded for each, with its numbers.
    const sample = (await store.after(0, 50_000)).filter((e) => /\d/.test(e.text) && e.kind !== 'sensor');
    const about = new Map(WORLD.kinds.map((k) => [k.kind, k.about]));
    const numbered = sample
      .filter((_, i) => i % Math.max(1, Math.floor(sample.length / 400)) === 0)
      .slice(0, 400)
      .map((e) => ({
        text: meaningOf(e.text, about.get(e.kind) ?? e.kind, e.actor),
        phrase: search.db.phraseId(phraseOf(e.text)) as number,
      }));
    await search.close();
    await store.close();
    return { phrases, numbered };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How far a numbered text's embedding is from its phrase's: the spread part 2 gives its vectors. */
async function calibrate(
  phrases: Float32Array[],
  numbered: { text: string; phrase: number }[],
): Promise<number> {
  const embedder = new UseLiteEmbedder();
  const vectors = await embedder.embed(numbered.map((n) => n.text));
  await embedder.close();
  const cos =
    vectors.reduce((s, v, i) => s + dot(v, phrases[(numbered[i]?.phrase as number) - 1] as Float32Array), 0) /
    vectors.length;
  console.log(
    `\n  calibration: a numbered text's embedding has cosine ${fmt(cos, 3)} with its phrase's (mean of ${vectors.length})`,
  );
  return cos;
}

/** Part 2: the index with one vector per event. */
async function atScale(n: number, phrases: Float32Array[], cos: number): Promise<void> {
  console.log(`\n## Vector index at ${fmt(n)} vectors (one per event)`);
  const dims = phrases[0]?.length ?? 512;
  // For x = p + σg with unit p and g ~ N(0, I/d)·√d: cos(x, p) ≈ 1/√(1 + σ²), so σ = √(1/cos² − 1).
  const sigma = Math.sqrt(1 / (cos * cos) - 1);
  const rng = Rng.of('bench-vectors', n);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const make = (count: number): Float32Array => {
    const flat = new Float32Array(count * dims);
    const scale = sigma / Math.sqrt(dims);
    for (let i = 0; i < count; i++) {
      const p = phrases[rng.int(0, phrases.length - 1)] as Float32Array;
      const row = flat.subarray(i * dims, (i + 1) * dims);
      for (let j = 0; j < dims; j++) row[j] = (p[j] as number) + scale * gauss();
      normalise(row);
    }
    return flat;
  };
  const base = make(n);
  const queries = make(200);

  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-vectors-'));
  const index = VectorIndex.open(join(dir, 'v.usearch'), 'bench');
  const chunk = 10_000;
  let t = performance.now();
  for (let i = 0; i < n; i += chunk) {
    const count = Math.min(chunk, n - i);
    const rows = Array.from({ length: count }, (_, j) => base.slice((i + j) * dims, (i + j + 1) * dims));
    index.add(
      rows.map((_, j) => i + j + 1),
      rows,
    );
    if ((i / chunk) % 10 === 9) process.stderr.write(`  usearch: ${fmt(i + count)} added…\n`);
  }
  const build = (performance.now() - t) / 1000;
  t = performance.now();
  index.save();
  const save = (performance.now() - t) / 1000;

  const times: number[] = [];
  const found: Set<number>[] = [];
  for (let q = 0; q < 200; q++) {
    const v = queries.slice(q * dims, (q + 1) * dims);
    const s = performance.now();
    found.push(new Set(index.search(v, K).map((x) => x.key - 1)));
    times.push(performance.now() - s);
  }
  t = performance.now();
  const exact = exactSearch(base, queries, dims, K, MetricKind.Cos, 2) as unknown as { keys: BigUint64Array };
  const exactSeconds = (performance.now() - t) / 1000;
  let hits = 0;
  for (let q = 0; q < 200; q++) {
    for (let j = 0; j < K; j++) if (found[q]?.has(Number(exact.keys[q * K + j]))) hits++;
  }
  const { p50, p99 } = percentiles(times);
  console.log(
    `  USearch HNSW f16 (M=16, ef ${HNSW.expansionAdd}/${HNSW.expansionSearch}): build ${fmt(build, 1)} s (${fmt(n / build)} vectors/s, 2 threads), save ${fmt(save, 1)} s · query p50 ${fmt(p50, 3)} ms, p99 ${fmt(p99, 3)} ms · recall@10 ${fmt(hits / (K * 200), 3)}`,
  );
  console.log(`  USearch exactSearch (ground truth, 200 queries, 2 threads): ${fmt(exactSeconds, 1)} s`);
  // The same saved graph searched wider: what recall the search-time expansion buys.
  for (const ef of [64, 128, 256].filter((ef) => ef !== HNSW.expansionSearch)) {
    const wider = new Index({
      dimensions: dims,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F16,
      connectivity: HNSW.connectivity,
      expansion_add: HNSW.expansionAdd,
      expansion_search: ef,
      multi: false,
    });
    wider.load(join(dir, 'v.usearch'));
    const took: number[] = [];
    let widerHits = 0;
    for (let q = 0; q < 200; q++) {
      const s = performance.now();
      const keys = wider.search(queries.slice(q * dims, (q + 1) * dims), K, 1).keys;
      took.push(performance.now() - s);
      const got = new Set(Array.from(keys, (key) => Number(key) - 1)); // keys are rows + 1
      for (let j = 0; j < K; j++) if (got.has(Number(exact.keys[q * K + j]))) widerHits++;
    }
    const w = percentiles(took);
    console.log(
      `    searched with ef ${ef}: query p50 ${fmt(w.p50, 3)} ms, p99 ${fmt(w.p99, 3)} ms · recall@10 ${fmt(widerHits / (K * 200), 3)}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  if (args['skip-faiss-at-scale']) {
    console.log('  FAISS: skipped at this size (--skip-faiss-at-scale)');
    return;
  }

  const { result, truth } = faiss(base, queries, dims);
  printFaiss(result);
  if (truth) {
    let agree = 0;
    for (let q = 0; q < 200; q++) {
      const mine = new Set(Array.from(exact.keys.subarray(q * K, (q + 1) * K), Number));
      for (let j = 0; j < K; j++) if (mine.has(Number(truth[q * K + j]))) agree++;
    }
    console.log(`  (USearch's exact top-10 and FAISS's agree on ${fmt(agree / (K * 200), 3)} of ids)`);
  }
}

console.log(`Search benchmark · ${new Date().toISOString().slice(0, 10)} · node ${process.version}`);
let phrases: Float32Array[] = [];
let numbered: { text: string; phrase: number }[] = [];
for (const n of sizes(args.events)) ({ phrases, numbered } = await pipeline(n));
if (sizes(args.vectors).length > 0) {
  if (phrases.length === 0) ({ phrases, numbered } = await pipeline(20_000));
  const cos = await calibrate(phrases, numbered);
  for (const n of sizes(args.vectors)) await atScale(n, phrases, cos);
}
