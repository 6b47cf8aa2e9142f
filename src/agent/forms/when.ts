/** "When did the mine last flood?": the last (or first) time something happened. */
import { times } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { actor } from './actor.ts';
import { type Form, happeningOf, happeningTown, line, rangeOf, WHEN_MOST, whereOf, whole } from './shared.ts';
import { shipmentFilterOf } from './shipments.ts';

export const when: Form = {
  name: 'when',
  matches: (q) =>
    /\bwhen\b|\blast time\b|\bmost recent(ly)?\b/.test(q.text) &&
    // "When the pirates robbed Port Logic, what was the most gold lost?" asks the second clause.
    !/^when\b[^?,]*,\s*(what|how|which|who)\b/.test(q.text) &&
    !WHEN_MOST.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.actor !== undefined),
  async answer(q, ctx) {
    const h = happeningOf(q, ctx);
    if (!h) return actor.answer(q, ctx);
    const town = happeningTown(h, q, ctx);
    const first = /\bfirst\b|\bearliest\b/.test(q.text);
    const range = whole(ctx);
    const filter = shipmentFilterOf(q, ctx, h);
    const where = whereOf(ctx, h, town) + (filter?.said ?? '');
    const found = await ctx.tools.occurrences({
      happening: h,
      town,
      range,
      newestFirst: !first,
      limit: 1,
      ...(filter ? { fields: filter.fields } : {}),
    });
    const e = found.events[0];
    if (!e)
      return {
        answer: `Never on ${daysPhrase(range)}: the history holds no record that ${h.phrase}${where}.`,
        citations: [],
        understood: { happening: h.name, ...rangeOf(range) },
      };
    return {
      answer: `${first ? 'The first time' : 'The last time'} ${h.phrase}${where} was ${line(ctx, e, !town)} (${times(found.count)} on ${daysPhrase(range)}).`,
      citations: [e.id],
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};
