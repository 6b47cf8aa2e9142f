/** "Who mined the most ore?", "Who led the raids?": people ranked by a number, or named for a happening. */
import type { StoredEvent } from '../../store/store.ts';
import type { World } from '../../world/world.ts';
import { amount } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import { actor } from './actor.ts';
import {
  type Form,
  type FormContext,
  happeningOf,
  happeningTown,
  line,
  rangeOf,
  today,
  townsFor,
  tradeFieldsOf,
  unique,
  whole,
} from './shared.ts';
import { unknown } from './unknown.ts';

/** Words for a person, from the world's jobs and roles ("which miner", "which teacher"), by world. */
const personWords = new WeakMap<World, RegExp>();

/** "Which miner dug the most?", "which trader sold most?": a person, named by their work. */
export function asksWhichPerson(q: Question, world: World): boolean {
  let words = personWords.get(world);
  if (words === undefined) {
    const nouns = new Set(['person', 'one', 'worker', 'resident', 'people', 'villager', 'crew member']);
    for (const town of world.towns)
      for (const p of town.people)
        for (const w of [p.job, ...p.job.split(/\s+/), p.job.replace(/\s+/g, ''), ...p.roles])
          if (w.length > 3 && !/^(and|at|the)$/.test(w)) nouns.add(w);
    const alternatives = [...nouns].map((n) => `${n}s?`).join('|');
    words = new RegExp(
      // One word may qualify the work: "which Academy teacher".
      `^(which( (of|among) (the|our|all the))?|what|(the )?(top|best|leading|biggest)|(identify|name) the|who(?:'s| is| was) the (?:best|top|leading|biggest|most productive|busiest|worst|least productive)) ([a-z]+ )?(${alternatives}|fishermen|fisherwomen)\\b`,
    );
    personWords.set(world, words);
  }
  // "Out of all the days, which one saw the least ore?" asks for a day, not a person.
  if (/\b(of|out of) (all )?the days\b|\bdays\b[^?]*\bwhich one\b/.test(q.text)) return false;
  const m = words.exec(q.core);
  if (!m) return false;
  // "The biggest one grinding", "the biggest rope batch": a noun for one event follows, so the
  // words name the event, not a person.
  const next =
    q.core
      .slice(m.index + m[0].length)
      .trim()
      .split(/\s+/)[0] ?? '';
  return !world.kinds.some((k) => k.one && new RegExp(`^(?:${k.one.source})`).test(next));
}

/**
 * "Which fisher landed the most?", "the top miner, by tons": with no number named, the main product
 * of the town whose people have that work.
 */
function workOf(q: Question, ctx: FormContext): Metric | undefined {
  if (!asksWhichPerson(q, ctx.vocab.world)) return undefined;
  const nouns = q.core
    .split(/\s+/)
    .filter(
      (w, i) =>
        i > 0 &&
        !/^(which|what|who|who's|is|was|the|top|best|leading|biggest|identify|name|most|productive|busiest|worst|least)$/.test(
          w,
        ),
    )
    .slice(0, 2);
  const town = ctx.vocab.world.towns.find((t) =>
    t.people.some((p) =>
      [...p.roles, ...p.job.split(/\s+/)].some((r) =>
        nouns.some((noun) => noun === r || noun === `${r}s` || noun.startsWith(r)),
      ),
    ),
  );
  return town ? ctx.vocab.mainOf(town.id) : undefined;
}

/** Shipments are a town's: "whose shipments" names a town. */
export const WHOSE_SHIPMENTS = /\bwhose (shipments?|cargo(es)?|goods|crates|barges?|wagons?|coffers)\b/;

export const who: Form = {
  name: 'who',
  // "Whose shipments were robbed?" asks for a town (which-town), not a person.
  matches: (q, ctx) =>
    (/^who(se)?\b|\bwho (was|were|did|made|caught|accounted|earned|shipped|brought|mined|poured)\b|\bthe (one|person|worker|hand|fellow|man|woman) who\b/.test(
      q.core,
    ) ||
      (asksWhichPerson(q, ctx.vocab.world) && (q.metrics.length > 0 || workOf(q, ctx) !== undefined))) &&
    // "Across the towns, who had the most wind?": readings are a town's, not a person's.
    !(q.metrics[0]?.sensor && !q.actor) &&
    !WHOSE_SHIPMENTS.test(q.core),
  async answer(q, ctx) {
    if (q.actor) return actor.answer(q, ctx);
    const m = q.metrics[0] ?? workOf(q, ctx);
    // "Who caught the most fish?", and also "who makes the arrows?": the people behind a number.
    if (m) return ranked(q, ctx, m);
    return named(q, ctx);
  },
};

async function ranked(q: Question, ctx: FormContext, m: Metric) {
  const range = whole(ctx);
  const { towns, refused } = townsFor(m, q, ctx);
  if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
  const town = towns.length === 1 ? towns[0] : undefined;
  const r = await ctx.tools.aggregate({
    metric: m.key,
    aggregate: 'sum',
    town,
    range,
    groupBy: 'actor',
    ...tradeFieldsOf(m, towns, q.text, ctx.vocab),
  });
  const groups = [...(r.groups ?? [])];
  if (q.superlative === 'min') groups.reverse();
  const [top, ...others] = groups;
  if (!top)
    return {
      answer: `Nobody is recorded with ${m.label} on ${daysPhrase(range)}.`,
      citations: [],
      understood: { metric: m.key },
    };
  return {
    answer: `${top.key}: ${amount(m, top.value)} on ${daysPhrase(range)}.${others.length ? ` Then ${others.map((g) => `${g.key} ${amount(m, g.value)}`).join(', ')}.` : ''}`,
    citations: unique(groups.flatMap((g) => g.citations)),
    understood: { metric: m.key, ...rangeOf(range) },
  };
}

async function named(q: Question, ctx: FormContext) {
  const h = happeningOf(q, ctx);
  // "Who will win the election?" names nothing the history holds.
  if (!h && q.towns.length === 0 && !q.time) return unknown.answer(q, ctx);
  const range = ctx.range ?? today(ctx);
  const town = h ? happeningTown(h, q, ctx) : q.towns[0];
  const events = h
    ? (await ctx.tools.occurrences({ happening: h, town, range, limit: 200 })).events
    : (await ctx.tools.listEvents({ town, range, limit: 2000 })).events;
  const withActor = events.filter((e) => e.actor);
  const where = town ? ` in ${ctx.vocab.name(town)}` : '';
  if (withActor.length === 0)
    return {
      answer: `Nobody is named for that on ${daysPhrase(range)}${where}.`,
      citations: [],
      understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
    };
  const byActor = new Map<string, StoredEvent[]>();
  for (const e of withActor) byActor.set(e.actor as string, [...(byActor.get(e.actor as string) ?? []), e]);
  const parts = [...byActor].map(
    ([name, list]) =>
      `${name} (${list.length === 1 ? line(ctx, list[0] as StoredEvent, !town) : `${list.length} times, ${daysPhrase({ from: list[0]?.day ?? range.from, to: list.at(-1)?.day ?? range.to })}`})`,
  );
  return {
    answer: `On ${daysPhrase(range)}${where}: ${parts.join('; ')}.`,
    citations: withActor.map((e) => e.id),
    understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
  };
}
