/**
 * The residents' words (issue 16): verbs that agree with their nouns, reflections that never nest
 * another reflection, quoted news that keeps its capitals, cuts only at word boundaries, report
 * sections whose words match their numbers, and lines that answer each other.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, renderMarkdown } from '../../../src/residents/report.ts';
import { WORLD } from '../../../src/world/map.ts';
import { DEFAULT_CONFIG } from '../../../src/world/residents/catalog.ts';
import { emptyLog } from '../../../src/world/residents/context.ts';
import { Relationships } from '../../../src/world/residents/relationships.ts';
import { type ChatInput, writeChat } from '../../../src/world/residents/talk.ts';
import type { RelationshipChange, ResidentDef } from '../../../src/world/residents/types.ts';
import { Rng } from '../../../src/world/rng.ts';
import { linesOf, nestedReflections, residentDays, saidOf } from '../../helpers/week.ts';

const person = (name: string): ResidentDef => {
  const p = DEFAULT_CONFIG.residents.find((r) => r.name === name);
  assert.ok(p, name);
  return p;
};

function chatInput(a: string, b: string, over: Partial<ChatInput> = {}): ChatInput {
  return {
    a: person(a),
    b: person(b),
    score: 5,
    recalled: [],
    news: [],
    placeName: 'the Trade Hub',
    summaryOnly: false,
    ...over,
  };
}

/** The chat of `input` for seeds 1…n, warm or a quarrel. */
function chats(input: ChatInput, n: number, warm = true) {
  return Array.from({ length: n }, (_, i) =>
    writeChat(input, Rng.of('talk-test', i), { delta: warm ? 3 : -4, warm }),
  );
}

describe('talk: the words agree', () => {
  it('asks how the ships are going (a plural noun takes "are"), and how the weather is', () => {
    // Nell Brine and Odile Quay share only ships; Hal Marsh and Ada Furrow only the weather.
    const ships = chats(chatInput('Nell Brine', 'Odile Quay'), 60).flatMap((c) => c.transcript);
    assert.ok(
      ships.some((l) => /\bthe ships\b/.test(l)),
      'they talk about the ships',
    );
    for (const line of ships) assert.doesNotMatch(line, /\b(is|was) the ships\b|\bships (is|was)\b/, line);
    assert.ok(ships.some((l) => /\bare the ships\b|\bships are\b/.test(l)));
    const weather = chats(chatInput('Hal Marsh', 'Ada Furrow'), 60).flatMap((c) => c.transcript);
    assert.ok(weather.some((l) => /\bis the weather\b|\bweather is\b/.test(l)));
    for (const line of weather) assert.doesNotMatch(line, /\bare the weather\b|\bweather are\b/, line);
  });
});

describe('talk: quoting news', () => {
  const news = [
    'Pirates of Den of Thieves robbed our shipment to Circuiton of 7 crates of flour (280 lbs), worth 154 gold, on the mountain road below the old watchtower at dusk.',
  ];
  const told = chats(chatInput('Piet Furrow', 'Lettie Barrow', { news }), 80).filter(
    (c) => c.topic === 'the news',
  );

  it('cuts the news in a summary only at a word boundary, with an ellipsis', () => {
    assert.ok(told.length > 5, 'some chats are about the news');
    const source = (news[0] as string).replace(/\.$/, '');
    for (const c of told) {
      const inner = c.summary.match(/the news \((.*)\) at /)?.[1];
      assert.ok(inner, c.summary);
      const kept = inner.replace(/…$/, '');
      assert.ok(source.startsWith(kept), `${kept} is how the news begins`);
      assert.ok(kept.length === source.length || inner.endsWith('…'), `${inner} says it was cut`);
      assert.ok(kept.length === source.length || source[kept.length] === ' ', `cut mid-word: ${inner}`);
    }
  });

  it('cuts the news in a line only at a word boundary', () => {
    const words = new Set((news[0] as string).split(/[^A-Za-z0-9]+/));
    const cut = told.flatMap((c) => c.transcript).filter((l) => l.includes('…'));
    assert.ok(cut.length > 0, 'the long news is cut in the lines');
    for (const line of cut) {
      const last = line.slice(0, line.indexOf('…')).match(/([A-Za-z0-9]+)\W*$/)?.[1];
      assert.ok(last && words.has(last), `cut mid-word: ${line}`);
    }
  });

  it('keeps the names in a meeting’s quoted news in capitals', () => {
    const meetings = residentDays('1')
      .flatMap((l) => l.conversations)
      .filter((c) => c.kind === 'meeting' && c.transcript.length > 0);
    assert.ok(meetings.length > 0, 'there were meetings');
    let checked = 0;
    for (const m of meetings) {
      const names = m.topic
        .slice(0, 100)
        .split(/\s+/)
        .slice(1, -1)
        .filter((w) => /^[A-Z][a-z]/.test(w));
      for (const name of names) {
        checked++;
        assert.ok((m.transcript[0] as string).includes(name), `${name} in ${m.transcript[0]}`);
      }
    }
    assert.ok(checked > 0, 'some quoted news named someone or somewhere');
  });
});

describe('talk: reflections', () => {
  it('never holds another reflection’s text, and says what the day comes to', () => {
    const logs = residentDays('1');
    const reflections = logs.flatMap((l) => l.memories).filter((m) => m.kind === 'reflection');
    assert.ok(reflections.length > 50, 'the residents reflected');
    assert.deepEqual(nestedReflections(logs), []);
    // Each draws on a memory and says what it comes to: a sentence after the memory it quotes.
    const stays = reflections.filter((m) => m.text.includes('What stays with me:'));
    assert.ok(stays.length > reflections.length / 2);
    for (const m of stays) assert.match(m.text, /What stays with me: .+[.…] [A-Z][^.]*[.!]/, m.text);
  });
});

describe('talk: the report’s words match its numbers', () => {
  it('tells a pair that soured by its quarrel, and one that grew closer by the talk that did it', () => {
    const log = emptyLog(3);
    const r = new Relationships([]);
    const changes: RelationshipChange[] = log.changes;
    r.adjust(
      'Ida Pike',
      'Oskar Flint',
      -6,
      'Ida Pike and Oskar Flint talked about cards; it ended in a quarrel.',
      changes,
    );
    r.adjust(
      'Ida Pike',
      'Oskar Flint',
      2,
      'Ida Pike and Oskar Flint talked about music; it went well.',
      changes,
    );
    r.adjust(
      'Hal Marsh',
      'Nell Brine',
      5,
      'Hal Marsh and Nell Brine talked about fishing; it went well.',
      changes,
    );
    r.adjust(
      'Hal Marsh',
      'Nell Brine',
      -1,
      'Hal Marsh and Nell Brine talked about ships; it ended in a quarrel.',
      changes,
    );
    const report = buildReport(log, [], { world: WORLD, transcripts: true, residents: 4 });
    const [soured] = report.relationships.soured;
    const [strengthened] = report.relationships.strengthened;
    assert.equal(soured?.delta, -4);
    assert.match(soured?.why ?? '', /quarrel/);
    assert.equal(strengthened?.delta, 4);
    assert.match(strengthened?.why ?? '', /went well/);
    const markdown = renderMarkdown(report);
    const souredPart = markdown.slice(markdown.indexOf('Soured:'), markdown.indexOf('## Conversations'));
    assert.doesNotMatch(souredPart, /went well|good terms/);
    const strengthenedPart = markdown.slice(markdown.indexOf('Strengthened:'), markdown.indexOf('Soured:'));
    assert.doesNotMatch(strengthenedPart, /quarrel|tempers flared/);
  });
});

describe('talk: lines answer each other', () => {
  it('closes a week’s chats in many ways, none in more than one chat in ten', () => {
    const chatsOfWeek = residentDays('1')
      .flatMap((l) => l.conversations)
      .filter((c) => c.kind === 'chat');
    assert.ok(chatsOfWeek.length >= 30, 'a week has its chats');
    const counts = new Map<string, number>();
    for (const c of chatsOfWeek) {
      const closing = saidOf(c.transcript[2] as string);
      counts.set(closing, (counts.get(closing) ?? 0) + 1);
    }
    const [top, n] = [...counts].sort((x, y) => y[1] - x[1])[0] as [string, number];
    assert.ok(n / chatsOfWeek.length <= 0.1, `"${top}" closes ${n} of ${chatsOfWeek.length} chats`);
  });

  it('closes after a question otherwise than after news, and a quarrel otherwise than a warm talk', () => {
    const news = ['A storm hit the harbour and three boats were lost.'];
    const closings = (input: ChatInput, topic: string, warm: boolean) =>
      new Set(
        chats(input, 80, warm)
          .filter((c) => (topic === 'the news' ? c.topic === 'the news' : c.topic !== 'the news'))
          .map((c) => saidOf(c.transcript[2] as string)),
      );
    const afterQuestion = closings(chatInput('Nell Brine', 'Odile Quay'), 'ships', true);
    const afterNews = closings(chatInput('Nell Brine', 'Odile Quay', { news }), 'the news', true);
    const afterQuarrel = closings(chatInput('Nell Brine', 'Odile Quay'), 'ships', false);
    assert.ok(afterQuestion.size > 5 && afterNews.size > 3 && afterQuarrel.size > 5);
    const shared = (x: Set<string>, y: Set<string>) => [...x].filter((s) => y.has(s));
    assert.deepEqual(shared(afterQuestion, afterNews), []);
    assert.deepEqual(shared(afterQuestion, afterQuarrel), []);
  });

  it('answers a deed as a deed and an offer as an offer', () => {
    // Garrick Stone and Tom Wheeler share no interest: with no news, Garrick tells what he recalls or offers his own.
    const deed = {
      id: 1,
      resident: 'Garrick Stone',
      t: 1,
      lastAccess: 1,
      kind: 'observation' as const,
      text: 'Garrick Stone forged 5 tools (hoes).',
      importance: 2,
    };
    const told = chats(chatInput('Garrick Stone', 'Tom Wheeler', { recalled: [deed] }), 30);
    for (const c of told) {
      assert.match(c.transcript[0] as string, /Garrick Stone forged 5 tools/);
      assert.doesNotMatch(c.transcript[1] as string, /remember|Those were the days|forget/, c.transcript[1]);
    }
    const offered = chats(chatInput('Garrick Stone', 'Tom Wheeler'), 30, false);
    for (const c of offered) {
      assert.match(c.transcript[0] as string, /metals/);
      assert.doesNotMatch(
        c.transcript[1] as string,
        /Why would you care|none of your business/,
        c.transcript[1],
      );
    }
  });

  it('writes the same lines for the same seed', () => {
    const input = chatInput('Nell Brine', 'Odile Quay', { news: ['A storm hit the harbour.'] });
    assert.deepEqual(chats(input, 20), chats(input, 20));
    assert.deepEqual(linesOf(residentDays('2', 2)), linesOf(residentDays('2', 2, true)));
  });
});
