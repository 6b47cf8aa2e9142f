/** `chronicle world init|run`, `chronicle report`, GET /api/reports/:day, asking about residents, scenarios. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clockPath, eventStorePath, reportStem, residentStorePath } from '../../src/files/data-dir.ts';
import { loadScenario } from '../../src/residents/files.ts';
import type { DayReport } from '../../src/residents/report.ts';
import { dryRun, type WorldRun } from '../../src/residents/run.ts';
import { openEventStore, openResidentStore } from '../../src/store/open.ts';
import { WORLD } from '../../src/world/map.ts';
import { DEFAULT_CONFIG, selectResidents } from '../../src/world/residents/catalog.ts';
import { DEFAULT_SETTINGS } from '../../src/world/residents/types.ts';
import { type Body, startAggregator } from '../helpers/aggregator.ts';
import { BIN, ROOT, run } from '../helpers/cli.ts';

describe('chronicle world run --dry-run', () => {
  it('prints the same event log and the same reports for the same seed, and other ones for another', async () => {
    const args = [BIN, 'world', 'run', '--dry-run', '--days', '2', '--agents', '8', '--seed', '5'];
    const first = await run(args);
    const second = await run(args);
    assert.equal(first.code, 0, first.stderr);
    assert.ok(
      first.stdout.includes('# Day 1: the world report') &&
        first.stdout.includes('# Day 2: the world report'),
    );
    assert.ok(
      first.stdout.split('\n').filter((l) => l.startsWith('[day ')).length > 100,
      'actions are logged',
    );
    assert.equal(first.stdout, second.stdout);
    const other = await run([...args.slice(0, -1), '6']);
    assert.notEqual(other.stdout, first.stdout);
    assert.match(first.stderr, /nothing was written/);
  });

  it('with --summary-only prints reports without transcripts; --report-format json prints JSON', async () => {
    const r = await run([
      BIN,
      'world',
      'run',
      '--dry-run',
      '--days',
      '1',
      '--seed',
      '5',
      '--summary-only',
      '--report-format',
      'json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as DayReport;
    assert.equal(report.day, 1);
    assert.ok(report.conversations.list.length > 0);
    assert.ok(report.conversations.list.every((c) => c.transcript === undefined));
  });

  it('rejects bad flags and files with a clear error', async () => {
    const cases: [string[], RegExp][] = [
      [['--start-hour', '20', '--end-hour', '8'], /--start-hour must come before --end-hour/],
      [['--report-format', 'xml'], /Allowed choices are markdown, json, both/],
      [['--tick-minutes', 'ten'], /--tick-minutes must be a whole number/],
      [['--scripted-events', 'no-such-file.yaml'], /cannot read the scenario no-such-file.yaml/],
    ];
    for (const [flags, message] of cases) {
      const r = await run([BIN, 'world', 'run', '--dry-run', ...flags]);
      assert.equal(r.code, 1, flags.join(' '));
      assert.match(r.stderr, message);
    }
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-world-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(
        bad,
        'name: x\nevents:\n  - day: 2\n    from_hour: 9\n    to_hour: 8\n    kind: storm\n    text: wind\n',
      );
      const r = await run([BIN, 'world', 'run', '--dry-run', '--scripted-events', bad]);
      assert.match(r.stderr, /events.0: from_hour must come before to_hour/);
      writeFileSync(
        bad,
        'residents:\n  - name: Zed\n    town: atlantis\n    job: diver\n    persona: wet\n    workplace: atlantis/reef\n',
      );
      const init = await run([BIN, 'world', 'init', '--data', dir, '--config', bad]);
      assert.equal(init.code, 1);
      assert.match(init.stderr, /Zed's town "atlantis" is not one of port-logic/);
      assert.ok(!existsSync(residentStorePath(dir)), 'nothing stored from a bad file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('chronicle world run into the store: 7 days of 20 residents', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-world-'));
    const init = await run([BIN, 'world', 'init', '--data', dir]);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /27 residents in 4 towns/);
    const r = await run([BIN, 'world', 'run', '--data', dir, '--days', '7', '--agents', '20', '--seed', '3']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /20 residents lived 7 days/);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a report for every day, in Markdown and JSON, to DATA/reports/ and the store', async () => {
    const store = await openResidentStore(residentStorePath(dir));
    try {
      assert.deepEqual(await store.reportDays(), [1, 2, 3, 4, 5, 6, 7]);
      for (let day = 1; day <= 7; day++) {
        const file = reportStem(dir, day);
        const stored = await store.report(day);
        assert.equal(readFileSync(`${file}.md`, 'utf8'), stored?.markdown);
        assert.deepEqual(JSON.parse(readFileSync(`${file}.json`, 'utf8')), stored?.json);
      }
      // Over the week, relationships moved both ways and memories of every kind were formed.
      const reports: DayReport[] = [];
      for (const d of await store.reportDays()) reports.push((await store.report(d))?.json as DayReport);
      assert.ok(reports.some((r) => r.relationships.strengthened.length > 0));
      assert.ok(reports.some((r) => r.relationships.soured.length > 0));
      for (const kind of ['observation', 'conversation', 'reflection', 'plan', 'task'] as const)
        assert.ok(
          reports.some((r) => r.memories.by_kind[kind] > 0),
          `${kind} memories`,
        );
      // What the report says follows from the day: each change names a conversation of that day.
      for (const r of reports) {
        for (const c of [...r.relationships.strengthened, ...r.relationships.soured]) {
          const talk = r.conversations.list.find((x) => x.summary === c.why);
          assert.ok(talk?.participants.includes(c.a) && talk.participants.includes(c.b), c.why);
        }
      }
    } finally {
      await store.close();
    }
  });

  it('chronicle report --day N prints that day’s report, and says which days exist when asked for another', async () => {
    const md = await run([BIN, 'report', '--data', dir, '--day', '3']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Day 3: the world report/);
    assert.match(
      md.stdout,
      /## Relationships[\s\S]*## Conversations[\s\S]*## New memories[\s\S]*## The towns/,
    );
    const json = await run([BIN, 'report', '--data', dir, '--day', '3', '--format', 'json']);
    assert.equal((JSON.parse(json.stdout) as DayReport).day, 3);
    const missing = await run([BIN, 'report', '--data', dir, '--day', '30']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no report for day 30; there are reports for days 1–7/);
  });

  it('answers "Who did John talk to on day 3?" from the stream, citing each conversation', async () => {
    const residents = await openResidentStore(residentStorePath(dir));
    const talks = await residents.conversations({ resident: 'John', day: 3 });
    await residents.close();
    assert.ok(talks.length > 0, 'John talked to someone on day 3 (seed 3)');
    const r = await run([BIN, 'ask', '--data', dir, '--offline', '--json', 'Who did John talk to on day 3?']);
    assert.equal(r.code, 0, r.stderr);
    const answer = JSON.parse(r.stdout) as { answer: string; citations: number[] };
    for (const talk of talks)
      for (const who of talk.participants)
        assert.ok(answer.answer.includes(who), `${who} in: ${answer.answer}`);
    const events = await openEventStore(eventStorePath(dir));
    const cited = await events.byIds(answer.citations);
    await events.close();
    assert.equal(cited.length, talks.length);
    for (const e of cited) {
      assert.equal(e.actor, 'John');
      assert.equal(e.day, 3);
      assert.ok(e.kind === 'chat' || e.kind === 'meeting');
    }
  });

  it('serves GET /api/reports/:day as JSON or Markdown, and says when there is none', async () => {
    const agg = await startAggregator({ dataDir: dir, search: false, seed: '3' });
    try {
      const json = await fetch(`${agg.url}/api/reports/2`);
      assert.equal(json.status, 200);
      assert.equal(((await json.json()) as Body).day, 2);
      const md = await fetch(`${agg.url}/api/reports/2?format=markdown`);
      assert.match(md.headers.get('content-type') ?? '', /text\/markdown/);
      assert.match(await md.text(), /^# Day 2/);
      const accept = await fetch(`${agg.url}/api/reports/2`, { headers: { accept: 'text/markdown' } });
      assert.match(await accept.text(), /^# Day 2/);
      const none = await fetch(`${agg.url}/api/reports/99`);
      assert.equal(none.status, 404);
      assert.match(((await none.json()) as Body).error, /reports exist for days 1–7/);
      // Who is where: as the residents' last moves in the stream left them, as day 7's report says.
      const where = (await (await fetch(`${agg.url}/api/residents`)).json()) as Body;
      assert.equal(where.residents.length, 27);
      const week = ((await (await fetch(`${agg.url}/api/reports/7`)).json()) as DayReport).towns;
      for (const [town, t] of Object.entries(week))
        for (const name of t.residents)
          assert.equal(where.residents.find((r: Body) => r.name === name)?.town, town, name);
      const john = where.residents.find((r: Body) => r.name === 'John');
      assert.ok(
        john.town && john.location?.startsWith(`${john.town}/`) && john.location_name,
        JSON.stringify(john),
      );
      // The aggregator holds the data directory: a run waits its turn and writes nothing.
      const busy = await run([BIN, 'world', 'run', '--data', dir, '--days', '1']);
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, /is in use by the aggregator/);
      assert.equal((await fetch(`${agg.url}/api/reports/8`)).status, 404);
      for (const bad of ['abc', '0', '2?format=pdf'])
        assert.equal((await fetch(`${agg.url}/api/reports/${bad}`)).status, 400);
    } finally {
      await agg.stop();
    }
  });

  it('carries on from where it stopped: a second run adds the next days, from the relationships it left', async () => {
    const before = await openResidentStore(residentStorePath(dir));
    const talkers = [...new Set((await before.conversations({})).flatMap((c) => c.participants))];
    const scores = new Map<string, number | undefined>();
    for (const a of talkers)
      for (const b of talkers) scores.set(`${a}|${b}`, await before.relationship(a, b));
    await before.close();
    const r = await run([BIN, 'world', 'run', '--data', dir, '--days', '1', '--agents', '20']);
    assert.equal(r.code, 0, r.stderr);
    const store = await openResidentStore(residentStorePath(dir));
    try {
      assert.deepEqual(await store.reportDays(), [1, 2, 3, 4, 5, 6, 7, 8]);
      const day8 = (await store.report(8))?.json as DayReport;
      assert.ok(day8.actions > 100);
      const changes = [...day8.relationships.strengthened, ...day8.relationships.soured];
      const known = changes.filter((c) => scores.get(`${c.a}|${c.b}`) !== undefined);
      assert.ok(known.length > 0, 'day 8 moved relationships formed in days 1–7');
      for (const c of known) assert.equal(c.before, scores.get(`${c.a}|${c.b}`), `${c.a} and ${c.b}`);
    } finally {
      await store.close();
    }
  });
});

describe('chronicle world run on a world that stopped mid-day', () => {
  it('lives whole days: from the next morning, to the end of the last day asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-world-'));
    try {
      assert.equal((await run([BIN, 'simulate', '--data', dir, '--days', '2', '--seed', '4'])).code, 0);
      // The world ran on in real time until noon of day 3 (clock.json is where it says so).
      writeFileSync(clockPath(dir), JSON.stringify({ t: 2.5 }));
      const r = await run([BIN, 'world', 'run', '--data', dir, '--days', '2']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /27 residents lived 2 days/);
      const store = await openResidentStore(residentStorePath(dir));
      assert.deepEqual(await store.reportDays(), [4, 5]);
      await store.close();
      assert.equal(JSON.parse(readFileSync(clockPath(dir), 'utf8')).t, 5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scenarios', () => {
  const base = (scenario?: string): WorldRun => {
    const config = selectResidents(DEFAULT_CONFIG, 20);
    return {
      world: WORLD,
      days: 2,
      config,
      settings: DEFAULT_SETTINGS,
      scripted: scenario ? loadScenario(join(ROOT, 'scenarios', scenario), config).events : [],
      summaryOnly: true,
      reportFormat: 'json',
      print: () => {},
    };
  };
  const day2 = (scenario?: string) => dryRun(base(scenario), '3').reports[1] as DayReport;

  it('a harvest festival brings people from every town to the Village Green to meet', () => {
    const plain = day2();
    const festival = day2('harvest-festival.yaml');
    const onGreen = (r: DayReport) =>
      r.conversations.list.filter((c) => c.location === 'patchbourough/green');
    assert.ok(onGreen(festival).length > onGreen(plain).length);
    const guests = new Set(onGreen(festival).flatMap((c) => c.participants));
    const homes = new Set(
      base()
        .config.residents.filter((r) => guests.has(r.name))
        .map((r) => r.town),
    );
    assert.ok(homes.size >= 3, `guests from ${[...homes].join(', ')}`);
  });

  it('a great storm keeps everyone from travelling and turns the towns’ weather', () => {
    const plain = day2();
    const storm = day2('great-storm.yaml');
    assert.ok(plain.travel.length > 0 || plain.activities.travel >= 0);
    assert.equal(storm.travel.length, 0);
    assert.ok(storm.activities.wellness > plain.activities.wellness, 'people sat it out at home');
    assert.ok(Object.values(storm.towns).some((t) => t.highlights.some((h) => /storm/i.test(h))));
  });

  it('a pirate siege sours the pirates and Port Logic on each other, and each side closes ranks', () => {
    const siege = day2('pirate-siege.yaml');
    const towns = new Map(base().config.residents.map((r) => [r.name, r.town]));
    const soured = siege.relationships.soured;
    assert.ok(soured.length > 0);
    for (const c of soured.slice(0, 3))
      assert.deepEqual([towns.get(c.a), towns.get(c.b)].sort(), ['den-of-thieves', 'port-logic']);
    const meetings = siege.conversations.list.filter((c) => c.location === 'port-logic/harbour-square');
    assert.ok(meetings.length > 0);
  });
});
