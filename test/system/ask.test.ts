/**
 * Asking the world: the evaluation set must score at least 95% with every citation holding what
 * its answer states; POST /api/ask's contract and its bad input; the read token; the command; and
 * how questions name towns and time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runEval } from '../../eval/run.ts';
import { toolSchemas } from '../../src/agent/model-tools.ts';
import { answerOffline } from '../../src/agent/planner.ts';
import { parseQuestion } from '../../src/agent/question.ts';
import { parseTime } from '../../src/agent/time.ts';
import { vocabularyOf } from '../../src/agent/vocabulary.ts';
import { WORLD, worldOf } from '../../src/world/map.ts';
import { BUILT_IN_TOWNS } from '../../src/world/towns/index.ts';
import { type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { BIN, run } from '../helpers/cli.ts';

test('the evaluation set scores at least 95%, over every question form', async () => {
  const { results, accuracy } = await runEval({ days: 200, seed: '7' });
  const failures = results.filter((r) => r.failure !== null);
  assert.ok(results.length >= 60, `${results.length} questions`);
  const forms = new Set(results.map((r) => r.form));
  for (const form of [
    'total',
    'mean',
    'min',
    'max',
    'count',
    'did',
    'when',
    'both',
    'which town',
    'which day',
    'compare',
    'who',
    'happened',
    'find',
    'outside',
  ])
    assert.ok(forms.has(form), `no ${form} question`);
  assert.ok(
    accuracy >= 0.95,
    `accuracy ${accuracy}:\n${failures.map((f) => `${f.question}\n  ${f.answer}\n  → ${f.failure}`).join('\n')}`,
  );
  // Everything but the questions outside the history rests on events.
  for (const r of results.filter((r) => r.form !== 'outside' && r.failure === null))
    assert.ok(r.citations > 0, `${r.question} cites nothing`);
});

// The natural development sets were written apart from the planner; what the planner reached on
// them at this history is kept, so a change that reads people worse fails here. natural-e holds two
// things on one day (with "no flour" and "a cold forge" among them) and shipments compared by the
// town they went to or were robbed from; natural-d texting shorthand ("hw many days wk 3 w/ over
// 5.5 tons"); natural-f an analyst's keys ("argmax daily sum fish … -> day"); natural-g a developer's
// field=value queries and a sailor's dialect; natural-h and natural-i best and worst days, two
// things on one day, comparisons and trends in varied sentences; each against the raw events. They
// read 98.6%, 97.8%, 97.4%, 98.8%, 98.2%, 95.2%, 94.3%, 99.1% and 96.4% here.
for (const [set, floor] of [
  ['natural', 0.97],
  ['natural-b', 0.96],
  ['natural-c', 0.96],
  ['natural-d', 0.97],
  ['natural-e', 0.97],
  ['natural-f', 0.94],
  ['natural-g', 0.93],
  ['natural-h', 0.97],
  ['natural-i', 0.95],
] as const)
  test(`the ${set} set keeps at least ${floor * 100}% at seed 7 × 60 days`, async () => {
    const { results, accuracy } = await runEval({ days: 60, seed: '7', set });
    assert.ok(results.length >= 300, `${results.length} questions`);
    const failures = results.filter((r) => r.failure !== null);
    assert.ok(
      accuracy >= floor,
      `accuracy ${accuracy}:\n${failures
        .slice(0, 20)
        .map((f) => `${f.question}\n  ${f.answer}\n  → ${f.failure}`)
        .join('\n')}`,
    );
  });

describe('how questions name towns and time', () => {
  test('towns by name and by description', () => {
    const towns = (q: string) => parseQuestion(q, 60, [], vocabularyOf(WORLD)).towns;
    assert.deepEqual(towns('Did the pirates raid today?'), ['den-of-thieves']);
    assert.deepEqual(towns('How cold was the mountain town?'), ['circuiton']);
    assert.deepEqual(towns('What came into the port?'), ['port-logic']);
    assert.deepEqual(towns('How did the farms do?'), ['patchbourough']);
    assert.deepEqual(towns('Compare Circuiton and Port Logic'), ['circuiton', 'port-logic']);
  });

  test('time relative to today (day 60)', () => {
    const range = (q: string) => parseTime(q, 60)?.range;
    assert.deepEqual(range('today'), { from: 60, to: 60 });
    assert.deepEqual(range('yesterday'), { from: 59, to: 59 });
    assert.deepEqual(range('last week'), { from: 53, to: 59 });
    assert.deepEqual(range('this week'), { from: 54, to: 60 });
    assert.deepEqual(range('on day 12'), { from: 12, to: 12 });
    assert.deepEqual(range('between day 3 and 9'), { from: 3, to: 9 });
    assert.deepEqual(range('from day 9 to day 3'), { from: 3, to: 9 });
    assert.deepEqual(range('the last 3 days'), { from: 58, to: 60 });
    assert.deepEqual(range('the last three days'), { from: 58, to: 60 });
    assert.deepEqual(range('5 days ago'), { from: 55, to: 55 });
    assert.deepEqual(range('in week 2'), { from: 8, to: 14 });
    assert.deepEqual(range('since day 50'), { from: 50, to: 60 });
    assert.equal(range('ever'), undefined);
  });
});

describe('the vocabulary comes from the world', () => {
  const v = vocabularyOf(WORLD);
  const declared = (id: string) => {
    const t = WORLD.rules(id);
    return [...t.kinds.flatMap((k) => k.metrics ?? []), ...(t.readings ?? [])].map((m) => m.key);
  };

  test('every number a town declares, reported by the towns that declare it', () => {
    for (const id of WORLD.ids)
      for (const key of declared(id)) assert.ok(v.metric(key)?.towns.includes(id), `${id} ${key}`);
    // Shipments are sent, and robbed, only where a town trades; the weather is read everywhere.
    const traders = WORLD.towns.filter((t) => t.exports.length > 0).map((t) => t.id);
    const shipped = v.metrics.filter((m) => m.shared && !m.sensor);
    assert.ok(shipped.length > 0);
    for (const m of shipped) assert.deepEqual(m.towns, traders, m.key);
    for (const m of v.metrics.filter((m) => m.shared && m.sensor))
      assert.deepEqual(m.towns, WORLD.ids, m.key);
  });

  test("flags are happenings, and a town's own come before the common ones", () => {
    const flags = WORLD.towns.flatMap((t) => t.kinds.flatMap((k) => k.flags ?? []).map((f) => f.key));
    for (const key of flags) assert.equal(v.happening(key)?.metric, key);
    const firstCommon = v.happenings.findIndex((h) => h.town === undefined);
    assert.ok(v.happenings.slice(firstCommon).every((h) => h.town === undefined));
    // A robbed shipment and an arrival are shipments: their words win over a trade's.
    assert.equal(parseQuestion('Were any shipments robbed?', 60, [], v).happening, v.robbery);
    assert.equal(parseQuestion('Did any shipments arrive?', 60, [], v).happening?.kind, 'arrival');
  });

  test('a town a world builder adds is understood like the built-in ones', async () => {
    const [model] = BUILT_IN_TOWNS.filter((t) => t.exports.length > 0).slice(-1);
    assert.ok(model);
    const added = {
      ...model,
      id: 'ironhold',
      name: 'Ironhold',
      description: 'a fort in the hills',
      aliases: 'ironhold|the fort',
      routes: [],
      goods: {},
      exports: [],
      // Residents are people of their own.
      people: model.people.map((p) => ({ ...p, name: `${p.name} of Ironhold`, family: undefined })),
    };
    const w = worldOf([added]);
    const five = vocabularyOf(w);
    assert.equal(vocabularyOf(w), five, 'worked out once per world');
    assert.deepEqual(five.townsIn('what happened at the fort today'), ['ironhold']);
    const main = five.mainOf('ironhold');
    assert.ok(main?.towns.includes(model.id) && main.towns.includes('ironhold'));
    // It sends no goods, so it has no trade to ask about.
    for (const m of five.metrics.filter((m) => m.shared && !m.sensor))
      assert.ok(!m.towns.includes('ironhold'));
    assert.ok(toolSchemas(five).aggregate.shape.town.safeParse('ironhold').success);
    assert.ok(!toolSchemas(v).aggregate.shape.town.safeParse('ironhold').success);
    const r = await answerOffline('What happened in Atlantis yesterday?', {
      tools: undefined as never,
      vocab: five,
      today: 10,
      history: { from: 1, to: 10 },
      actors: [],
    });
    assert.match(r.answer, /not one of the five towns\. The history holds .*, .* and Ironhold\./);
  });
});

describe('POST /api/ask', () => {
  let agg: TestAggregator;
  let dataDir: string;
  const ask = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${agg.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-ask-'));
    const r = await run([BIN, 'simulate', '--days', '12', '--seed', '7', '--data', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    agg = await startAggregator({ dataDir });
  });
  after(async () => {
    await agg?.stop();
  });

  test('answers with exact numbers and the events they come from, as the history API has them', async () => {
    const { status, body } = await ask({
      question: 'How much ore was mined in Circuiton between day 2 and 4?',
    });
    assert.equal(status, 200);
    assert.equal(body.answered_by, 'planner');
    const page = (await agg.get('/api/events?town=circuiton&kind=mining&from_day=2&to_day=4&limit=1000'))
      .body;
    const total =
      Math.round(
        page.events.reduce((s: number, e: { data: { ore_tons: number } }) => s + e.data.ore_tons, 0) * 100,
      ) / 100;
    assert.ok(body.answer.includes(`${total} tons of ore`), body.answer);
    const mined = page.events
      .filter((e: { data: { ore_tons: number } }) => e.data.ore_tons !== 0)
      .map((e: { id: number }) => e.id);
    assert.deepEqual(
      [...body.citations].sort((a: number, b: number) => a - b),
      mined,
    );
    assert.equal(body.events.length, Math.min(20, mined.length));
    assert.equal(body.understood.form, 'aggregate');
    assert.deepEqual([body.understood.from_day, body.understood.to_day], [2, 4]);
    assert.equal(typeof body.today, 'number');
    assert.equal(typeof body.took_ms, 'number');
  });

  test('says plainly what the history does not hold', async () => {
    const future = await ask({ question: 'What happened on day 400?' });
    assert.match(future.body.answer, /has not come yet/);
    assert.deepEqual(future.body.citations, []);
    const elsewhere = await ask({ question: 'What happened in Atlantis yesterday?' });
    assert.match(elsewhere.body.answer, /Atlantis is not one of the four towns/);
  });

  test('bad input gets a 400 that names the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /question/],
      [{ question: '' }, /question/],
      [{ question: '   ' }, /question/],
      [{ question: 'x'.repeat(501) }, /question: at most 500/],
      [{ question: 42 }, /question/],
      [{ question: 'What happened today?', mode: 'loud' }, /mode/],
      [{ question: 'What happened today?', extra: 1 }, /unrecognized key.*extra/i],
      ['{"question": ', /not valid JSON/],
      [[{ question: 'a' }], /expected object/],
    ];
    for (const [body, message] of cases) {
      const r = await ask(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.error, message, JSON.stringify(body));
    }
    const get = await agg.get('/api/ask');
    assert.equal(get.status, 404);
  });

  test('chronicle ask: through the aggregator, and from the data directory directly', async () => {
    const question = 'How many fish were caught in Port Logic on day 3?';
    const viaApi = await ask({ question });
    const r = await run([BIN, 'ask', question, '--url', agg.url]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith(viaApi.body.answer), r.stdout);
    assert.match(r.stdout, /Sources \(\d+ events/);
    assert.ok(r.stdout.includes(`#${viaApi.body.events[0].id}`));
    const json = await run([BIN, 'ask', question, '--url', agg.url, '--json']);
    assert.equal(JSON.parse(json.stdout).answer, viaApi.body.answer);
    const empty = await run([BIN, 'ask', ' ', '--url', agg.url]);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /the question is empty/);
    const noServer = await run([BIN, 'ask', question, '--url', 'http://127.0.0.1:9']);
    assert.equal(noServer.code, 1);
    assert.match(noServer.stderr, /no aggregator answers/);
  });
});

test('asking needs the read token when reads do', async () => {
  const agg = await startAggregator({ readToken: 'let-me-read' });
  try {
    const ask = (headers: Record<string, string>) =>
      fetch(`${agg.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ question: 'What happened today?' }),
      });
    assert.equal((await ask({})).status, 401);
    assert.equal((await ask({ authorization: 'Bearer wrong' })).status, 401);
    const ok = await ask({ authorization: 'Bearer let-me-read' });
    assert.equal(ok.status, 200);
    assert.match(((await ok.json()) as Body).answer, /Nothing has been recorded yet/);
  } finally {
    await agg.stop();
  }
});
