/**
 * Residents talking: a chat with someone about them, chosen by how well they get on, what they
 * share and whom they hoped to see; a meeting of everyone who planned one in a place; and what
 * every conversation does to how the people in it feel about each other.
 */
import { Rng } from '../rng.ts';
import type { TownId } from '../types.ts';
import { type Context, free, type ResidentState, record } from './context.ts';
import { meetingLines } from './lines.ts';
import { remember } from './reflection.ts';
import { addressOf, chatDelta, sharedInterests, writeChat } from './talk.ts';
import type { Conversation, Slot } from './types.ts';
import { midSentence } from './wording.ts';

/** Look for someone to talk to here; returns whether a chat happened. */
export function chat(ctx: Context, p: ResidentState, slot: Slot, t: number): boolean {
  if (t - p.lastTalk < ctx.settings.chatCooldownMinutes / 1440 - 1e-9) return false;
  const around = ctx.people.filter(
    (o) =>
      o !== p &&
      o.location === p.location &&
      free(ctx, o) &&
      t - o.lastTalk >= ctx.settings.chatCooldownMinutes / 1440 - 1e-9,
  );
  if (around.length === 0) return false;
  const rng = Rng.of(ctx.settings.seed, 'chat', ctx.day, ctx.tick, p.def.name);
  const weights = around.map(
    (o) =>
      1 +
      Math.max(0, ctx.relationships.score(p.def.name, o.def.name)) / 20 +
      sharedInterests(p.def, o.def).reduce((s, [, w]) => s + w, 0) +
      (slot.partner === o.def.name ? 4 : 0),
  );
  let roll = rng.next() * weights.reduce((s, w) => s + w, 0);
  let other = around[around.length - 1] as ResidentState;
  for (let i = 0; i < around.length; i++) {
    roll -= weights[i] as number;
    if (roll < 0) {
      other = around[i] as ResidentState;
      break;
    }
  }
  const score = ctx.relationships.score(p.def.name, other.def.name);
  const decided = chatDelta(p.def, other.def, score, rng.split('delta'));
  const out = writeChat(
    {
      a: p.def,
      b: other.def,
      score,
      // What happened, not what they made of it: a reflection is never quoted back.
      recalled: p.memory.retrieve(`${other.def.name} ${Object.keys(other.def.interests).join(' ')}`, t, 2, [
        'conversation',
        'observation',
      ]),
      news: ctx.news.get(p.town) ?? [],
      placeName: ctx.geo.nameOf(p.location),
      summaryOnly: ctx.summaryOnly,
    },
    rng.split('words'),
    decided,
  );
  const conversation = converse(
    ctx,
    'chat',
    [p, other],
    t,
    out.topic,
    out.transcript,
    out.summary,
    out.delta,
  );
  for (const [me, them] of [
    [p, other],
    [other, p],
  ] as const) {
    record(
      ctx,
      me,
      'chat',
      'chat',
      t,
      `${me.def.name} talked with ${them.def.name} at ${ctx.geo.nameOf(me.location)} about ${out.topic}; ${out.warm ? 'it went well' : 'it ended in a quarrel'}.`,
      {
        with: them.def.name,
        conversation: conversation.id,
        topic: out.topic,
        delta: out.delta,
        score: ctx.relationships.score(me.def.name, them.def.name),
      },
      false,
      [them.def.name],
    );
    remember(
      ctx,
      me,
      t,
      'conversation',
      `Talked with ${them.def.name} at ${ctx.geo.nameOf(me.location)} about ${out.topic}; ${out.warm ? 'it went well' : 'we quarrelled'}.`,
      Math.abs(out.delta) / 2,
    );
  }
  return true;
}

/** A meeting of everyone who planned one here (a scenario's gathering or siege sets its topic and mood). */
export function meet(ctx: Context, members: ResidentState[], where: string, t: number): void {
  const town = ctx.geo.location(where)?.town as TownId;
  const scripted = ctx.scripted.find(
    (e) =>
      e.day === ctx.day &&
      e.location === where &&
      ctx.ticks.hourOf(ctx.tick) >= e.from_hour &&
      ctx.ticks.hourOf(ctx.tick) < e.to_hour,
  );
  const rng = Rng.of(ctx.settings.seed, 'meeting', ctx.day, ctx.tick, where);
  // Pirates and the people they besiege do not part friends; each side closes ranks.
  const hostile = scripted?.kind === 'siege';
  const delta = hostile ? -(3 + rng.int(0, 3)) : rng.chance(0.85) ? 1 + rng.int(0, 1) : -1;
  const deltaFor = (a: ResidentState, b: ResidentState) => (hostile && a.def.town === b.def.town ? 2 : delta);
  const topic = scripted
    ? scripted.text
    : (ctx.news.get(town)?.[0] ?? `the affairs of ${ctx.geo.townName(town)}`);
  const names = members.map((m) => m.def.name);
  // Told inside a sentence: an opening article in small letters, every name in capitals.
  const about = midSentence(topic.replace(/[.!]+$/, ''));
  const summary = `${names.length} people met at ${ctx.geo.nameOf(where)} about ${about}; ${delta > 0 ? 'they parted on good terms' : 'tempers flared'}.`;
  const transcript = ctx.summaryOnly
    ? []
    : meetingLines(
        {
          speakers: members.slice(0, 4).map((m) => ({ def: m.def, name: addressOf(m.def.name) })),
          topic,
          delta,
          hostile,
        },
        rng.split('lines'),
      );
  // In a siege each side closes ranks: what brought a side's own people closer is not the flaring tempers.
  const ranks = `${names.length} people faced each other at ${ctx.geo.nameOf(where)} about ${about}; each side closed ranks.`;
  const reasonFor = (a: ResidentState, b: ResidentState) =>
    deltaFor(a, b) > 0 && delta < 0 ? ranks : summary;
  const conversation = converse(
    ctx,
    'meeting',
    members,
    t,
    topic,
    transcript,
    summary,
    delta,
    deltaFor,
    reasonFor,
  );
  for (const m of members) {
    const others = names.filter((n) => n !== m.def.name);
    record(
      ctx,
      m,
      'meeting',
      'meeting',
      t,
      `${m.def.name} met ${listNames(others)} at ${ctx.geo.nameOf(where)} about ${about}.`,
      { with: others.join(', '), conversation: conversation.id, people: names.length, delta },
      false,
      others,
    );
    remember(ctx, m, t, 'conversation', summary, Math.abs(delta));
  }
}

/** A conversation into the day's log; every pair in it moves by `deltaFor` them, and all of them talked now. */
function converse(
  ctx: Context,
  kind: 'chat' | 'meeting',
  members: ResidentState[],
  t: number,
  topic: string,
  transcript: string[],
  summary: string,
  delta: number,
  deltaFor: (a: ResidentState, b: ResidentState) => number = () => delta,
  reasonFor: (a: ResidentState, b: ResidentState) => string = () => summary,
): Conversation {
  const first = members[0] as ResidentState;
  const conversation: Conversation = {
    id: `d${ctx.day}-t${ctx.tick}-${kind}-${ctx.log.conversations.length + 1}`,
    kind,
    t,
    day: ctx.day,
    hour: ctx.ticks.hourOf(ctx.tick),
    town: first.town,
    location: first.location,
    participants: members.map((m) => m.def.name),
    topic,
    transcript,
    summary,
    delta,
  };
  ctx.log.conversations.push(conversation);
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as ResidentState;
      const b = members[j] as ResidentState;
      ctx.relationships.adjust(a.def.name, b.def.name, deltaFor(a, b), reasonFor(a, b), ctx.log.changes);
    }
  }
  for (const m of members) m.lastTalk = t;
  return conversation;
}

/** "Ida Pike, Oskar Flint and John"; past four names, "and N others". */
function listNames(names: readonly string[]): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} others`] : [...names];
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? 'no one');
}
