/**
 * The world report of a day: what the residents did by category, whose relationships strengthened
 * or soured and why, what they will remember, and what happened in each town. Built from the
 * engine's day log and the day's town events; rendered as JSON and as Markdown.
 */
import type { StoredEvent } from '../events/contracts.ts';
import { summariseDay } from '../readers/days.ts';
import { formatHour } from '../world/clock.ts';
import type { DayLog } from '../world/residents/engine.ts';
import type { Category, MemoryKind, RelationshipChange } from '../world/residents/types.ts';
import type { World } from '../world/world.ts';

export interface PairChange {
  a: string;
  b: string;
  before: number;
  after: number;
  delta: number;
  why: string;
}

export interface DayReport {
  day: number;
  residents: number;
  actions: number;
  activities: Record<Category, number>;
  conversations: {
    chats: number;
    meetings: number;
    list: {
      id: string;
      kind: 'chat' | 'meeting';
      hour: number;
      town: string;
      location: string;
      participants: string[];
      topic: string;
      summary: string;
      delta: number;
      transcript?: string[];
    }[];
  };
  relationships: { strengthened: PairChange[]; soured: PairChange[] };
  memories: {
    total: number;
    by_kind: Record<MemoryKind, number>;
    notable: { resident: string; kind: MemoryKind; importance: number; text: string }[];
  };
  travel: { resident: string; from: string; to: string; by: string; hours: number; hour: number }[];
  towns: Record<
    string,
    {
      name: string;
      events: number;
      by_kind: Record<string, number>;
      highlights: string[];
      residents: string[];
    }
  >;
}

const TOP = 5;

/**
 * What moved a pair the way it went: of the day's conversations, the one that moved it furthest in
 * the direction of the day's net change (a pair that soured is told by its quarrel, not by a
 * friendly word that came after it).
 */
export function whyOf(c: RelationshipChange): string {
  const net = Math.sign(c.after - c.before);
  let best = -1;
  for (let i = 0; i < c.reasons.length; i++) {
    const move = (c.moves[i] ?? 0) * net;
    if (move > 0 && (best < 0 || move > (c.moves[best] ?? 0) * net)) best = i;
  }
  return best >= 0 ? (c.reasons[best] as string) : '';
}
const NOTABLE = 8;

export function buildReport(
  log: DayLog,
  townEvents: readonly StoredEvent[],
  options: { world: World; transcripts: boolean; residents: number },
): DayReport {
  const { world } = options;
  const activities: Record<Category, number> = { work: 0, social: 0, wellness: 0, travel: 0 };
  for (const a of log.actions) if (a.kind !== 'move') activities[a.category]++;
  const changes = log.changes.map((c) => ({
    a: c.a,
    b: c.b,
    before: c.before,
    after: c.after,
    delta: c.after - c.before,
    why: whyOf(c),
  }));
  const byKind: Record<MemoryKind, number> = {
    observation: 0,
    conversation: 0,
    reflection: 0,
    plan: 0,
    task: 0,
  };
  for (const m of log.memories) byKind[m.kind]++;
  const notable = log.memories
    .filter((m) => m.kind !== 'plan')
    .sort((x, y) => y.importance - x.importance || x.id - y.id)
    .slice(0, NOTABLE)
    .map((m) => ({ resident: m.resident, kind: m.kind, importance: m.importance, text: m.text }));
  const summary = summariseDay(world, log.day, townEvents);
  const towns: DayReport['towns'] = {};
  for (const id of world.ids) {
    const t = summary.towns[id];
    towns[id] = {
      name: world.rules(id).name,
      events: t?.events ?? 0,
      by_kind: t?.by_kind ?? {},
      highlights: (t?.highlights ?? []).map((e) => e.text),
      residents: log.whereabouts.filter((w) => w.town === id).map((w) => w.resident),
    };
  }
  return {
    day: log.day,
    residents: options.residents,
    actions: log.actions.length,
    activities,
    conversations: {
      chats: log.conversations.filter((c) => c.kind === 'chat').length,
      meetings: log.conversations.filter((c) => c.kind === 'meeting').length,
      list: log.conversations.map((c) => ({
        id: c.id,
        kind: c.kind,
        hour: c.hour,
        town: c.town,
        location: c.location,
        participants: [...c.participants],
        topic: c.topic,
        summary: c.summary,
        delta: c.delta,
        ...(options.transcripts && c.transcript.length > 0 ? { transcript: [...c.transcript] } : {}),
      })),
    },
    relationships: {
      strengthened: changes
        .filter((c) => c.delta > 0)
        .sort((x, y) => y.delta - x.delta)
        .slice(0, TOP),
      soured: changes
        .filter((c) => c.delta < 0)
        .sort((x, y) => x.delta - y.delta)
        .slice(0, TOP),
    },
    memories: { total: log.memories.length, by_kind: byKind, notable },
    travel: log.actions
      .filter((a) => a.kind === 'travel')
      .map((a) => ({
        resident: a.resident,
        from: String(a.data.from),
        to: String(a.data.to),
        by: String(a.data.by),
        hours: Number(a.data.hours),
        hour: a.hour,
      })),
    towns,
  };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function renderMarkdown(r: DayReport): string {
  const nameOf = (town: string) => r.towns[town]?.name ?? town;
  const lines: string[] = [`# Day ${r.day}: the world report`, ''];
  lines.push(
    `${r.residents} residents took ${r.actions} actions: ${Object.entries(r.activities)
      .map(([k, n]) => `${n} ${k}`)
      .join(
        ', ',
      )}. They had ${r.conversations.chats} ${r.conversations.chats === 1 ? 'chat' : 'chats'} and ${r.conversations.meetings} ${r.conversations.meetings === 1 ? 'meeting' : 'meetings'}, and formed ${r.memories.total} memories.`,
    '',
    '## Relationships',
    '',
  );
  const pair = (c: PairChange) =>
    `- **${c.a}** and **${c.b}**: ${c.before} → ${c.after} (${signed(c.delta)}). ${c.why}`;
  lines.push(
    'Strengthened:',
    '',
    ...(r.relationships.strengthened.map(pair).length ? r.relationships.strengthened.map(pair) : ['- none']),
    '',
  );
  lines.push(
    'Soured:',
    '',
    ...(r.relationships.soured.map(pair).length ? r.relationships.soured.map(pair) : ['- none']),
    '',
  );
  lines.push('## Conversations', '');
  if (r.conversations.list.length === 0) lines.push('- none');
  for (const c of r.conversations.list) {
    lines.push(`- ${formatHour(c.hour)}, ${nameOf(c.town)}: ${c.summary} (${signed(c.delta)})`);
    for (const line of c.transcript ?? []) lines.push(`  > ${line}`);
  }
  lines.push('', '## New memories', '');
  lines.push(
    Object.entries(r.memories.by_kind)
      .map(([k, n]) => `${k}: ${n}`)
      .join(' · '),
    '',
  );
  for (const m of r.memories.notable)
    lines.push(`- ${m.resident} (${m.kind}, importance ${m.importance}): ${m.text}`);
  lines.push('', '## Travel', '');
  if (r.travel.length === 0) lines.push('- nobody left town');
  for (const t of r.travel)
    lines.push(
      `- ${formatHour(t.hour)}: ${t.resident} set off from ${nameOf(t.from)} for ${nameOf(t.to)} by ${t.by} (${t.hours} h).`,
    );
  lines.push('', '## The towns', '');
  for (const t of Object.values(r.towns)) {
    lines.push(`### ${t.name}`, '');
    lines.push(
      `${t.events} events. At day's end here: ${t.residents.length > 0 ? t.residents.join(', ') : 'none of the residents'}.`,
      '',
    );
    for (const h of t.highlights) lines.push(`- ${h}`);
    if (t.highlights.length > 0) lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
