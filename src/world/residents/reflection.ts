/**
 * Residents' inner life: forming memories of what they do, see and hear, the plan they remember at
 * dawn, and, once enough has happened, a reflection on the day.
 */
import { formatHour } from '../clock.ts';
import { Rng } from '../rng.ts';
import { type Context, type ResidentState, record } from './context.ts';
import { importanceOf } from './memory.ts';
import type { Memory, MemoryKind, RelationshipChange } from './types.ts';
import { capitalise, quote, stop } from './wording.ts';

/** The memories a reflection draws on: what they saw, said and did (not plans, not reflections). */
const GROUNDS: readonly MemoryKind[] = ['observation', 'conversation', 'task'];

/** What a memory comes to, in a sentence: the reflection's conclusion. */
export function comesTo(m: Memory, rng: Rng): string {
  const text = m.text;
  if (/raid|robbed|pirates|took .* crates|plunder/i.test(text))
    return rng.pick([
      'The roads are not safe; I must be careful.',
      'Someone will have to answer for it.',
      'It has everyone on edge.',
    ]);
  if (/storm|flood|gale|siege/i.test(text))
    return rng.pick(['We were lucky it was not worse.', 'The town will need everyone after this.']);
  if (m.kind === 'conversation')
    return /quarrel|tempers flared/.test(text)
      ? rng.pick(['I said more than I should have.', 'I will choose my words better next time.'])
      : rng.pick(['Good company makes the days lighter.', 'I am glad we talked.', 'It did me good to talk.']);
  if (m.kind === 'task') return rng.pick(['One more thing off my hands.', 'It was worth the effort.']);
  return rng.pick([
    'The work goes on, and it goes well.',
    'A fair day’s work.',
    'That is how the days go here.',
  ]);
}

/** Reflect once the importance of what happened since the last reflection reaches this. */
export const REFLECT_AT = 20;

/** A resident's plan for the day, remembered at dawn. */
export function rememberPlan(ctx: Context, p: ResidentState, t: number): void {
  const work = p.agenda.filter((s) => s.activity === 'work');
  const first = work[0];
  const last = work.at(-1);
  const text =
    first && last
      ? `Plan for day ${ctx.day}: work at ${ctx.geo.nameOf(p.def.workplace)} from ${formatHour(ctx.ticks.hourOf(first.tick))} to ${formatHour(ctx.ticks.hourOf(last.tick + 1))}, then ${describeEvening(ctx, p)}.`
      : `Plan for day ${ctx.day}: ${describeEvening(ctx, p)}.`;
  remember(ctx, p, t, 'plan', text);
}

/** A new memory for a resident: in their stream and the day's log; `weight` adds to its importance. */
export function remember(
  ctx: Context,
  p: ResidentState,
  t: number,
  kind: MemoryKind,
  text: string,
  weight = 0,
): void {
  const memory: Memory = {
    id: ++ctx.memoryIds,
    resident: p.def.name,
    t,
    lastAccess: t,
    kind,
    text,
    importance: importanceOf(kind, text, weight),
  };
  p.memory.add(memory);
  ctx.log.memories.push(memory);
}

/** Look back on the day: who they got on with or fell out with, what stays with them, the task in hand. */
export function reflect(ctx: Context, p: ResidentState, t: number): void {
  // What they make of the day is built from what happened, never from an earlier reflection's words.
  const top = p.memory.retrieve(`${p.def.persona} ${Object.keys(p.def.interests).join(' ')}`, t, 5, GROUNDS);
  const talks = ctx.log.changes.filter((c) => c.a === p.def.name || c.b === p.def.name);
  const parts: string[] = [];
  const best = talks.reduce<RelationshipChange | undefined>(
    (m, c) => (!m || c.after - c.before > m.after - m.before ? c : m),
    undefined,
  );
  const worst = talks.reduce<RelationshipChange | undefined>(
    (m, c) => (!m || c.after - c.before < m.after - m.before ? c : m),
    undefined,
  );
  if (best && best.after > best.before)
    parts.push(`${best.a === p.def.name ? best.b : best.a} and I are getting on better.`);
  if (worst && worst.after < worst.before)
    parts.push(`I should make peace with ${worst.a === p.def.name ? worst.b : worst.a}.`);
  const weighty = [...top].sort((a, b) => b.importance - a.importance)[0];
  if (weighty) {
    const rng = Rng.of(ctx.settings.seed, 'reflect', ctx.day, p.def.name);
    parts.push(`What stays with me: ${stop(quote(weighty.text))} ${comesTo(weighty, rng)}`);
  }
  if (p.task.done > 0)
    parts.push(`${capitalise(p.task.name)}: ${Math.round((100 * p.task.done) / p.task.total)}% done.`);
  const text = `Reflecting on day ${ctx.day}: ${parts.join(' ') || 'a day like any other.'}`;
  remember(ctx, p, t, 'reflection', text);
  p.memory.pendingImportance = 0;
  record(
    ctx,
    p,
    'reflect',
    'reflect',
    t,
    `${p.def.name} reflected: ${parts[0] ?? 'a day like any other.'}`,
    {},
  );
}

function describeEvening(ctx: Context, p: ResidentState): string {
  const trip = p.agenda.find((s) => s.activity === 'journey');
  if (trip) return `a journey to ${ctx.geo.townName(ctx.geo.location(trip.location)?.town ?? p.town)}`;
  const evening = p.agenda.filter((s) => ctx.ticks.hourOf(s.tick) >= 17 && s.activity !== 'reflect');
  const social = evening.find((s) => s.activity === 'meal' || s.activity === 'meeting');
  return social
    ? `${social.activity === 'meeting' ? 'the meeting' : 'supper'} at ${ctx.geo.nameOf(social.location)}`
    : 'a quiet evening';
}
