/** A question outside the history: what the agent can answer, with examples built from the world. */

import { sayNumber } from '../numbers.ts';
import type { Vocabulary } from '../vocabulary.ts';
import type { Form } from './shared.ts';

/** Questions the planner answers, naming the world's own towns, numbers and happenings. */
export function examples(vocab: Vocabulary): string {
  const [first, ...rest] = vocab.towns;
  const last = rest.at(-1) ?? first;
  const said: string[] = [];
  if (last) said.push(`What happened on day 12 in ${last.name}?`);
  const main = first && vocab.mainOf(first.id);
  if (first && main) said.push(`What was the total ${main.label} in ${first.name} last week?`);
  // A town's own news (a raid), else any of its own happenings.
  const own = vocab.happenings.filter((h) => h.town !== undefined);
  const news = own.find((h) => h.news && !h.flag) ?? own[0];
  if (news) said.push(`When was the last time ${news.phrase}?`);
  const reading = vocab.metrics.find((m) => m.sensor && m.shared);
  if (reading) said.push(`Which town had the highest ${reading.label} this week?`);
  return `For example: ${said.map((s) => `"${s}"`).join(', ')}`;
}

export const unknown: Form = {
  name: 'unknown',
  matches: () => true,
  answer: async (_q, ctx) => ({
    answer: `I can only answer from the world's history: the ${sayNumber(ctx.vocab.towns.length)} towns' work, weather and trade, day by day (days ${ctx.history.from}–${ctx.today}). That question is outside it. ${examples(ctx.vocab)}`,
    citations: [],
    understood: { form: 'unknown' },
  }),
};
