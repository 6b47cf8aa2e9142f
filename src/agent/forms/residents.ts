/**
 * The residents: "Where is Nell Brine now?", "Who did Ivo Gull talk to yesterday?", "How do Nell
 * and Ivo get along?". Whereabouts are the person's latest move in the stream; talks and how two
 * people stand are their chat events (each names whom it was with and the pair's score after it).
 */
import type { AggregateResult } from '../../query/run.ts';
import { residentsConfigOf } from '../../world/residents/catalog.ts';
import { list } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import { type Form, type FormContext, rangeOf, whole } from './shared.ts';

const WHERE = /\bwhere (is|was|are|were)\b|\bwhereabouts\b/;
const TALK = /\b(talk(ed|s)?|chat(ted|s)?|spoke|speak|met|meet|conversations?)\b/;
const STAND =
  /\b(relationship|get along|gets along|got along|friends?|feel about|think of|stand with|on good terms)\b/;

/** Everyone the question names, in the order named. */
function peopleIn(q: Question, ctx: FormContext): string[] {
  const found = ctx.actors.map((a) => ({ a, at: q.text.indexOf(a.toLowerCase()) })).filter((x) => x.at >= 0);
  for (const a of ctx.actors) {
    const first = a
      .split(/\s+/)
      .find((w) => w.length >= 3 && !/^(captain|bosun|master|professor|old|the)$/i.test(w));
    if (!first || found.some((x) => x.a === a)) continue;
    const at = q.text.search(new RegExp(`\\b${first.toLowerCase()}\\b`));
    if (at >= 0 && !found.some((x) => x.at === at)) found.push({ a, at });
  }
  return found.sort((x, y) => x.at - y.at).map((x) => x.a);
}

export const residents: Form = {
  name: 'residents',
  matches: (q, ctx) =>
    q.actor !== undefined &&
    q.metrics.length === 0 &&
    (WHERE.test(q.text) || TALK.test(q.text) || STAND.test(q.text)) &&
    peopleIn(q, ctx).length > 0,
  async answer(q, ctx) {
    const people = peopleIn(q, ctx);
    const who = people[0] as string;
    if (STAND.test(q.text) && people.length >= 2) return standing(ctx, who, people[1] as string);
    if (TALK.test(q.text)) return talks(ctx, who);
    return whereIs(ctx, who);
  },
};

async function whereIs(ctx: FormContext, who: string) {
  const [latest] = (await ctx.tools.latestMoves()).filter((e) => e.actor === who);
  const names = new Map(residentsConfigOf(ctx.vocab.world).locations.map((l) => [l.id, l.name]));
  if (!latest)
    return {
      answer: `The history holds no move of ${who}'s yet: they are where they began, at home.`,
      citations: [],
      understood: { actor: who },
    };
  const to = String(latest.data.location ?? latest.data.to ?? '');
  const where =
    latest.kind === 'travel' && latest.data.stage === 'set off'
      ? `on the road from ${ctx.vocab.name(String(latest.data.from))} to ${ctx.vocab.name(String(latest.data.to))}`
      : `at ${names.get(to) ?? to} in ${ctx.vocab.name(latest.town)}`;
  return {
    answer: `${who} is ${where}, since day ${latest.day} (${latest.text})`,
    citations: [latest.id],
    understood: { actor: who, towns: [latest.town] },
  };
}

async function talks(ctx: FormContext, who: string) {
  const range = ctx.range ?? whole(ctx);
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { kinds: ['chat'], actors: [who], days: range },
      per: 'event',
      aggregate: 'count',
      group: 'with',
      order: 'desc',
    },
    ctx.today,
  )) as AggregateResult;
  const groups = r.groups.filter((g) => g.key !== null);
  if (groups.length === 0)
    return {
      answer: `${who} talked with no one on ${daysPhrase(range)}, as far as the history tells.`,
      citations: [],
      understood: { actor: who, ...rangeOf(range) },
    };
  const shown = groups.slice(0, 8).map((g) => `${g.key} (${g.value} ${g.value === 1 ? 'time' : 'times'})`);
  return {
    answer: `On ${daysPhrase(range)}, ${who} talked with ${list(shown)}${groups.length > 8 ? ` and ${groups.length - 8} more` : ''}.`,
    citations: r.evidence,
    understood: { actor: who, ...rangeOf(range) },
  };
}

async function standing(ctx: FormContext, a: string, b: string) {
  const range = whole(ctx);
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { kinds: ['chat'], actors: [a], fields: { with: [b] }, days: range },
      per: 'event',
      aggregate: 'count',
    },
    ctx.today,
  )) as AggregateResult;
  const last = r.evidence.at(-1);
  const [event] = last ? await ctx.tools.events([last]) : [];
  const score = typeof event?.data.score === 'number' ? event.data.score : undefined;
  if (!event || score === undefined)
    return {
      answer: `${a} and ${b} have not talked yet, as far as the history tells.`,
      citations: [],
      understood: { actor: a },
    };
  const feeling =
    score >= 0.5
      ? 'close friends'
      : score >= 0.2
        ? 'on good terms'
        : score > -0.2
          ? 'neither close nor at odds'
          : 'at odds';
  return {
    answer: `${a} and ${b} are ${feeling}: their score is ${score.toFixed(2)} after ${r.value} ${r.value === 1 ? 'talk' : 'talks'}, the last on day ${event.day} (${event.text})`,
    citations: [event.id],
    understood: { actor: a },
  };
}
